using System.Security.Cryptography;
using System.Text;

namespace Attention.Sdk.RateLimiting;

/// <summary>
/// Whose budget an attempt draws from: one API, one API key (identified by its SHA-256 hash, never the key itself) and one
/// policy. Every client, DI scope and (with a distributed provider) process with the same partition shares one budget.
/// </summary>
public sealed class ClientRateLimitPartition : IEquatable<ClientRateLimitPartition>
{
    /// <summary>Creates a partition.</summary>
    /// <param name="apiName">The API's name (<see cref="ApiProfile.Name"/>).</param>
    /// <param name="keyHash">The API key's SHA-256 hash, lowercase hex (<see cref="HashApiKey"/>).</param>
    /// <param name="policy">The limit.</param>
    /// <param name="timeProvider">The clock waiting for a permit uses.</param>
    /// <exception cref="ArgumentException">An argument is missing or the policy is not positive.</exception>
    public ClientRateLimitPartition(string apiName, string keyHash, RateLimitPolicy policy, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiName);
        ArgumentException.ThrowIfNullOrEmpty(keyHash);
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.PermitLimit <= 0 || policy.Window <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(policy), "The policy needs a positive permit limit and window.");
        }

        ApiName = apiName;
        KeyHash = keyHash;
        Policy = policy;
        TimeProvider = timeProvider ?? TimeProvider.System;
        Id = $"{apiName}|{keyHash}|{policy.PermitLimit}|{policy.Window.Ticks}";
    }

    /// <summary>The API's name.</summary>
    public string ApiName { get; }

    /// <summary>The API key's SHA-256 hash, lowercase hex: safe to store, log and use as a key.</summary>
    public string KeyHash { get; }

    /// <summary>The limit.</summary>
    public RateLimitPolicy Policy { get; }

    /// <summary>The clock waiting for a permit uses.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>A stable identifier of API, key hash, permit limit and window (the behaviour and clock do not split a budget).</summary>
    public string Id { get; }

    /// <summary>The SHA-256 hash of an API key as lowercase hex (of the empty string when there is no key).</summary>
    /// <param name="apiKey">The key.</param>
    public static string HashApiKey(string? apiKey) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey ?? string.Empty))).ToLowerInvariant();

    /// <inheritdoc />
    public bool Equals(ClientRateLimitPartition? other) => other is not null && string.Equals(Id, other.Id, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ClientRateLimitPartition);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Id);

    /// <summary>The identifier (holds no secret).</summary>
    public override string ToString() => Id;
}
