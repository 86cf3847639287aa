namespace Attention.Sdk;

/// <summary>
/// What every Attention SDK client has in common: the <see cref="Options"/> it was built with and one disposal rule. A client
/// disposes only what it created (the <see cref="HttpClient"/> its options constructor builds), never what it was given: the
/// <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/> on the dependency-injection path, a caller's
/// <see cref="AttentionClientOptions.Transport"/>, the shared socket pool. Disposing is optional for a client built once per
/// process; disposing twice is harmless.
/// </summary>
/// <typeparam name="TOptions">The client's options type.</typeparam>
public abstract class AttentionClientBase<TOptions> : IDisposable
    where TOptions : AttentionClientOptions
{
    private IDisposable? _owned;

    /// <summary>For mocking: a client with no options and nothing to dispose.</summary>
    protected AttentionClientBase()
    {
        Options = null!;
    }

    /// <summary>Keeps the options and what the client created (disposed with it).</summary>
    /// <param name="options">The validated options.</param>
    /// <param name="owned">What the client created and must dispose, or <see langword="null"/> when everything was given to it.</param>
    private protected AttentionClientBase(TOptions options, IDisposable? owned)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _owned = owned;
    }

    /// <summary>
    /// The options the client was built with (the same object, not a copy). Read them; do not change them after construction: the
    /// pipeline (address, key, retries, rate limit) took its settings when the client was built, so a change would apply only in part.
    /// </summary>
    public TOptions Options { get; }

    /// <summary>Disposes what the client created (its own <see cref="HttpClient"/>); what it was given stays usable.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes what the client created. Override to dispose more, calling this.</summary>
    /// <param name="disposing"><see langword="true"/> when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Interlocked.Exchange(ref _owned, null)?.Dispose();
        }
    }
}
