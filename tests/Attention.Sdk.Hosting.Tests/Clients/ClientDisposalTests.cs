namespace Attention.Sdk.Hosting.Tests.Clients;

/// <summary>Every client disposes what it created (its own HttpClient) and never what it was given (the factory's client, the caller's transport).</summary>
public sealed class ClientDisposalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(ClientCase.Names), MemberType = typeof(ClientCase))]
    public async Task Client_built_from_options_disposes_the_http_client_it_created(string name)
    {
        var client = ClientCase.Named(name);
        using var transport = new CountingTransport();
        var instance = client.CreateDirect(transport);

        instance.Dispose();

        var error = await Record.ExceptionAsync(() => client.CallAsync(instance, Ct));
        Assert.True(Chain(error).Any(e => e is ObjectDisposedException), $"Expected the disposed HttpClient to refuse the call, got {error}");
        Assert.Equal(0, transport.Requests);
    }

    [Theory]
    [MemberData(nameof(ClientCase.Names), MemberType = typeof(ClientCase))]
    public async Task Client_built_from_options_leaves_the_callers_transport_undisposed(string name)
    {
        var client = ClientCase.Named(name);
        using var transport = new CountingTransport();

        client.CreateDirect(transport).Dispose();

        Assert.False(transport.Disposed);
        using var http = new HttpClient(transport, disposeHandler: false);
        using var response = await http.GetAsync(new Uri("https://transport.example/still-usable"), Ct);
        Assert.Equal(1, transport.Requests);
    }

    [Theory]
    [MemberData(nameof(ClientCase.Names), MemberType = typeof(ClientCase))]
    public async Task Client_from_the_container_leaves_the_factory_http_client_usable_after_dispose(string name)
    {
        var client = ClientCase.Named(name);
        using var transport = new CountingTransport();
        using var provider = client.BuildFromConfiguration(new() { ["MaxRetries"] = "0" }, transport);
        var instance = (IDisposable)client.Resolve(provider);

        instance.Dispose();

        // The answer "{}" may not be the typed result; what matters is that the request still went out.
        await Record.ExceptionAsync(() => client.CallAsync(instance, Ct));
        Assert.Equal(1, transport.Requests);
    }

    [Theory]
    [MemberData(nameof(ClientCase.Names), MemberType = typeof(ClientCase))]
    public void Disposing_twice_is_harmless(string name)
    {
        using var transport = new CountingTransport();
        var instance = ClientCase.Named(name).CreateDirect(transport);

        instance.Dispose();
        var error = Record.Exception(instance.Dispose);

        Assert.Null(error);
    }

    [Theory]
    [MemberData(nameof(ClientCase.Names), MemberType = typeof(ClientCase))]
    public void Client_built_from_options_exposes_those_options(string name)
    {
        using var transport = new CountingTransport();
        using var instance = ClientCase.Named(name).CreateDirect(transport);

        var options = Assert.IsAssignableFrom<AttentionClientOptions>(ClientCase.Property(instance, "Options"));

        Assert.Same(transport, options.Transport);
    }

    private static IEnumerable<Exception> Chain(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
