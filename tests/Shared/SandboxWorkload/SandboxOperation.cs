namespace Attention.Sandbox.Workload;

/// <summary>The kinds of operation the mixed sandbox workload runs, each through a real SDK client.</summary>
internal enum SandboxOperation
{
    /// <summary>Attention Factory: rent an account and wait for it to turn active.</summary>
    FactoryRent,

    /// <summary>Attention Factory: submit a post action on an active rental.</summary>
    FactoryAction,

    /// <summary>Attention Factory: a read (rental, action, balance, platforms, capabilities, lists).</summary>
    FactoryRead,

    /// <summary>Attention Factory: list the account's webhooks or a webhook's deliveries.</summary>
    FactoryWebhook,

    /// <summary>AutoPersonas: a read (influencers, content, a batch), within the key's 60 requests per minute.</summary>
    AutoPersonasRead,

    /// <summary>AutoPersonas: start a one-item generation batch, within the key's 60 requests per minute.</summary>
    AutoPersonasGenerate,

    /// <summary>Attentium: a read (quote, order book, campaign state, results, claim balance).</summary>
    AttentiumRead,

    /// <summary>Attentium: the full payment flow (verify, 402 invoice, inspection, sign, send, confirm, re-submit) and the results.</summary>
    AttentiumPayment,

    /// <summary>Attentium: refund the unspent escrow of a completed campaign (a <c>withdraw_escrow</c> the agent signs).</summary>
    AttentiumRefund,

    /// <summary>Attentium: a new user claims its balance from the treasury.</summary>
    AttentiumClaim,
}
