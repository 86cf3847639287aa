using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Attention.Sandbox.Tests.Kit;

/// <summary>A process that hosts the sandbox keeps its own signal handling.</summary>
public sealed class ProcessHostingTests
{
    [Fact]
    public async Task Sandbox_host_installs_no_console_lifetime_that_would_swallow_sigterm_and_sigint()
    {
        await using var sandbox = await AttentionSandbox.StartAsync(cancellationToken: TestContext.Current.CancellationToken);

        var lifetime = sandbox.Services.GetRequiredService<IHostLifetime>();

        Assert.IsNotType<ConsoleLifetime>(lifetime);
    }
}
