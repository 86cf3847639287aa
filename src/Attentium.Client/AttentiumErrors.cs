using System.Net;
using System.Text.Json;
using Attention.Sdk;
using Attentium.Campaigns;

namespace Attentium;

/// <summary>
/// 402 <c>payment_required</c>: a payment is due (the first <c>/verify</c> call: <see cref="Invoice"/> holds the invoice, which
/// <see cref="CampaignsClient"/> handles as the normal flow) or the payment was not found or not enough (the second call).
/// </summary>
public class AttentiumPaymentRequiredException : AttentionPaymentRequiredException
{
    /// <summary>Creates the exception from a parsed error response.</summary>
    public AttentiumPaymentRequiredException(ApiErrorDetails details, PaymentInvoice? invoice)
        : base(details)
    {
        Invoice = invoice;
    }

    /// <summary>The invoice in the body (amount and campaign id; a transaction for the escrow flow), when the body holds one.</summary>
    public PaymentInvoice? Invoice { get; }

    /// <summary>The campaign id the server named, when it named one.</summary>
    public string? CampaignId => Invoice?.CampaignId;
}

/// <summary>The server refused the payment proof of the second <c>/verify</c> call. Subtypes per documented error code.</summary>
public class AttentiumPaymentRejectedException : AttentionBadRequestException
{
    /// <summary>Creates the exception from a parsed error response.</summary>
    public AttentiumPaymentRejectedException(ApiErrorDetails details)
        : base(details)
    {
    }
}

/// <summary><c>missing_campaign_id</c>: the <c>X-Campaign-Id</c> header was not provided.</summary>
public sealed class MissingCampaignIdException : AttentiumPaymentRejectedException
{
    /// <summary>Creates the exception from a parsed error response.</summary>
    public MissingCampaignIdException(ApiErrorDetails details)
        : base(details)
    {
    }
}

/// <summary><c>missing_memo</c>: the payment transaction has no memo instruction.</summary>
public sealed class MissingMemoException : AttentiumPaymentRejectedException
{
    /// <summary>Creates the exception from a parsed error response.</summary>
    public MissingMemoException(ApiErrorDetails details)
        : base(details)
    {
    }
}

/// <summary><c>memo_mismatch</c>: the payment's memo differs from the <c>X-Campaign-Id</c> header.</summary>
public sealed class MemoMismatchException : AttentiumPaymentRejectedException
{
    /// <summary>Creates the exception from a parsed error response.</summary>
    public MemoMismatchException(ApiErrorDetails details)
        : base(details)
    {
    }
}

/// <summary>Maps Attentium's documented error codes to their exception types.</summary>
internal static class AttentiumErrors
{
    public static AttentionApiException? Map(ApiErrorDetails details) => details.ErrorCode switch
    {
        "missing_campaign_id" => new MissingCampaignIdException(details),
        "missing_memo" => new MissingMemoException(details),
        "memo_mismatch" => new MemoMismatchException(details),
        "payment_required" => new AttentiumPaymentRequiredException(details, ReadInvoice(details.Body)),
        _ when details.StatusCode == HttpStatusCode.PaymentRequired => new AttentiumPaymentRequiredException(details, ReadInvoice(details.Body)),
        _ => null,
    };

    /// <summary>Reads the invoice from the whole body: the diagnostic copy is cut at 4,096 characters, which a long transaction exceeds.</summary>
    private static PaymentInvoice? ReadInvoice(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, AttentiumJsonContext.Default.PaymentInvoice);
        }
        catch (Exception ex) when (Attention.Sdk.Http.ApiConnection.IsDecodeFailure(ex))
        {
            return null; // no amount or campaign id: not an invoice
        }
    }
}
