using System.Globalization;

namespace Attention.Sdk.RateLimiting;

/// <summary>
/// Whose retry budget a call draws from: one API and one API key (by its SHA-256 hash, never the key itself) under one
/// policy. Every client, DI scope and (with a distributed provider) process with the same partition shares one budget.
/// </summary>
public sealed class RetryBudgetPartition : IEquatable<RetryBudgetPartition>
{
    private HeldRetryBudget? _heldBudget;

    /// <summary>Creates a partition.</summary>
    /// <param name="apiName">The API's name (<see cref="ApiProfile.Name"/>).</param>
    /// <param name="keyHash">The API key's SHA-256 hash, lowercase hex (<see cref="ClientRateLimitPartition.HashApiKey"/>).</param>
    /// <param name="policy">The budget.</param>
    /// <param name="timeProvider">The clock an in-process budget measures fading and refill with.</param>
    /// <exception cref="ArgumentException">An argument is missing or the policy is out of range.</exception>
    public RetryBudgetPartition(string apiName, string keyHash, RetryBudgetPolicy policy, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiName);
        ArgumentException.ThrowIfNullOrEmpty(keyHash);
        ArgumentNullException.ThrowIfNull(policy);
        policy.Validate();
        ApiName = apiName;
        KeyHash = keyHash;
        Policy = policy;
        TimeProvider = timeProvider ?? TimeProvider.System;
        Id = string.Create(CultureInfo.InvariantCulture, $"{apiName}|{keyHash}|{policy.Ratio:R}|{policy.MinRetriesPerSecond:R}|{policy.Window.Ticks}");
    }

    /// <summary>The API's name.</summary>
    public string ApiName { get; }

    /// <summary>The API key's SHA-256 hash, lowercase hex: safe to store, log and use as a key.</summary>
    public string KeyHash { get; }

    /// <summary>The budget.</summary>
    public RetryBudgetPolicy Policy { get; }

    /// <summary>The clock an in-process budget uses.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>A stable identifier of API, key hash and policy (holds no secret).</summary>
    public string Id { get; }

    /// <summary>The in-process bucket this partition last deposited to (see <see cref="InProcessRetryBudgetProvider.RecordCall"/>).</summary>
    internal HeldRetryBudget? HeldBudget { get => Volatile.Read(ref _heldBudget); set => Volatile.Write(ref _heldBudget, value); }

    /// <inheritdoc />
    public bool Equals(RetryBudgetPartition? other) => other is not null && string.Equals(Id, other.Id, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RetryBudgetPartition);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Id);

    /// <summary>The identifier (holds no secret).</summary>
    public override string ToString() => Id;
}
