using System.Globalization;
using System.Text.RegularExpressions;
using Attention.Sdk;

namespace AttentionFactory;

/// <summary>
/// 402 Payment Required from the Attention Factory: the credit balance does not cover the rental (or extension). When the
/// server's message states the amounts (<c>"Insufficient credits. Need 99.00, have 12.00"</c>), <see cref="Needed"/> and
/// <see cref="Available"/> hold them. Top up the balance in the dashboard, then retry with the same idempotency key.
/// </summary>
public partial class InsufficientCreditsException : AttentionPaymentRequiredException
{
    /// <summary>Creates the exception from a parsed 402 response, reading the amounts out of the server's message when present.</summary>
    public InsufficientCreditsException(ApiErrorDetails details, string? message = null, Exception? innerException = null)
        : base(details, message, innerException)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (details.ServerMessage is { } text && AmountsPattern().Match(text) is { Success: true } match)
        {
            Needed = decimal.Parse(match.Groups["need"].Value, NumberStyles.Number, CultureInfo.InvariantCulture);
            Available = decimal.Parse(match.Groups["have"].Value, NumberStyles.Number, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The credits the operation needs, when the server's message states it.</summary>
    public decimal? Needed { get; }

    /// <summary>The credits the account holds, when the server's message states it.</summary>
    public decimal? Available { get; }

    /// <summary>How many credits are missing (<see cref="Needed"/> minus <see cref="Available"/>), when both are known.</summary>
    public decimal? Shortfall => Needed is { } need && Available is { } have ? Math.Max(need - have, 0m) : null;

    internal static AttentionApiException? TryCreate(ApiErrorDetails details) =>
        details.StatusCode == System.Net.HttpStatusCode.PaymentRequired ? new InsufficientCreditsException(details) : null;

    [GeneratedRegex(@"Need\s+(?<need>\d+(?:\.\d+)?)\s*,\s*have\s+(?<have>-?\d+(?:\.\d+)?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex AmountsPattern();
}
