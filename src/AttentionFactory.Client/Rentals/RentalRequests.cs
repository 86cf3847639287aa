using System.Text.Json.Serialization;
using AttentionFactory.Branding;
using AttentionFactory.Platforms;

namespace AttentionFactory.Rentals;

/// <summary>The body of <c>POST /v1/rentals</c>. Checked by the SDK before anything is sent.</summary>
public sealed class CreateRentalRequest
{
    /// <summary>The longest warming niche the API accepts.</summary>
    public const int MaxNicheLength = 50;

    /// <summary>The platform to rent an account on (required).</summary>
    [JsonPropertyName("platform")]
    public required Platform Platform { get; init; }

    /// <summary>Whole months, 1 to 12. Default: 1.</summary>
    [JsonPropertyName("months")]
    public int Months { get; init; } = 1;

    /// <summary>Renew automatically when the window closes. Default: <see langword="true"/>.</summary>
    [JsonPropertyName("auto_renew")]
    public bool AutoRenew { get; init; } = true;

    /// <summary>Opt in to 7-day pre-warming on this niche (one of <see cref="PlatformsClient.GetNichesAsync(Platform, CancellationToken)"/>); at most 50 characters.</summary>
    [JsonPropertyName("warming_niche")]
    public string? WarmingNiche { get; init; }

    /// <summary>A branding preset applied automatically on activation (any subset of bio, display name, avatar, banner, username).</summary>
    [JsonPropertyName("branding")]
    public BrandingFields? Branding { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        Platform.Require(Platform, nameof(Platform));
        RentalArguments.RequireMonths(Months, nameof(Months));
        RentalArguments.RequireNiche(WarmingNiche, nameof(WarmingNiche));
        if (Branding is not null && Branding.IsEmpty)
        {
            throw new ArgumentException("The branding preset has no fields set: set at least one (bio, display_name, avatar_url, banner_url, username) or leave Branding null.", nameof(Branding));
        }
    }
}

/// <summary>The body of <c>PATCH /v1/rentals/{id}</c>: the mutable fields (today only <c>auto_renew</c>). Only set fields are sent.</summary>
public sealed class UpdateRentalRequest
{
    /// <summary>Whether the rental renews automatically; null leaves it unchanged.</summary>
    [JsonPropertyName("auto_renew")]
    public bool? AutoRenew { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> when nothing is set.</summary>
    public void Validate()
    {
        if (AutoRenew is null)
        {
            throw new ArgumentException("Nothing to update: set AutoRenew.", nameof(AutoRenew));
        }
    }
}

/// <summary>The body of <c>POST /v1/rentals/{id}/extend</c> and <c>/renew</c>.</summary>
internal sealed class RentalMonthsRequest
{
    [JsonPropertyName("months")]
    public int Months { get; init; }
}

internal static class RentalArguments
{
    public static void RequireMonths(int months, string parameterName)
    {
        if (months is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(parameterName, months, "Months must be a whole number from 1 to 12.");
        }
    }

    public static void RequireNiche(string? niche, string parameterName)
    {
        if (niche is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(niche))
        {
            throw new ArgumentException("The warming niche cannot be empty; leave it null to skip warming.", parameterName);
        }

        if (niche.Length > CreateRentalRequest.MaxNicheLength)
        {
            throw new ArgumentException($"The warming niche is {niche.Length} characters; at most {CreateRentalRequest.MaxNicheLength} are allowed.", parameterName);
        }
    }
}
