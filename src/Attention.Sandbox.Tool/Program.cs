using System.Globalization;
using System.Runtime.InteropServices;
using Attention.Sandbox;
using Attention.Sandbox.Tool;

// attention-sandbox --port 8080: the sandbox as its own process, until SIGTERM or SIGINT.
if (!ToolArguments.TryParse(args, out var arguments, out var problem))
{
    await Console.Error.WriteLineAsync(problem);
    await Console.Error.WriteLineAsync(ToolArguments.Usage);
    return 2;
}

if (arguments.ShowHelp)
{
    Console.WriteLine(ToolArguments.Usage);
    return 0;
}

using var stop = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    // Handled here: the process shuts the sandbox down and exits 0 instead of being torn down mid-request.
    context.Cancel = true;
    stop.Cancel();
}

using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

AttentionSandbox sandbox;
try
{
    sandbox = await AttentionSandbox.StartAsync(new AttentionSandboxOptions { Port = arguments.Port, EnableControlEndpoints = true }, stop.Token);
}
catch (IOException ex)
{
    await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"attention-sandbox: cannot listen on 127.0.0.1:{arguments.Port}: {ex.Message}"));
    return 1;
}

await using (sandbox)
{
    Console.WriteLine(StartupBanner.Describe(sandbox));
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
    }

    Console.WriteLine("attention-sandbox: stopping");
}

Console.WriteLine("attention-sandbox: stopped");
return 0;
