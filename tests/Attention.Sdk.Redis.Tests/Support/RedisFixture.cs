using StackExchange.Redis;

namespace Attention.Sdk.Redis.Tests.Support;

/// <summary>One durable redis-server shared by a test class (tests use their own key prefixes); stopped at the end.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private RedisServer? _server;
    private ConnectionMultiplexer? _connection;

    /// <summary>The server.</summary>
    public RedisServer Server => _server ?? throw new InvalidOperationException("not started");

    /// <summary>A connection for assertions.</summary>
    public ConnectionMultiplexer Connection => _connection ?? throw new InvalidOperationException("not started");

    /// <summary>A key prefix no other test uses.</summary>
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..10] + ":";

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        _server = await RedisServer.StartAsync();
        _connection = await _server.ConnectAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
