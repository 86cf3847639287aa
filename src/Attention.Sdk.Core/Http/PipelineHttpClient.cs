namespace Attention.Sdk.Http;

/// <summary>
/// The <see cref="HttpClient"/> <see cref="AttentionPipeline.CreateHttpClient(ApiProfile, AttentionClientOptions)"/> builds, which
/// also lets <see cref="ApiConnection"/> call its handlers directly (<see cref="Handlers"/>). <see cref="HttpClient.SendAsync(HttpRequestMessage, HttpCompletionOption, CancellationToken)"/>
/// adds an async frame of its own to buffer a body and apply a timeout; the pipeline already does both (the body is read inside each
/// attempt, and the client's own timeout is infinite), so a call through the SDK's own client skips that frame.
/// </summary>
internal sealed class PipelineHttpClient : HttpClient
{
    public PipelineHttpClient(HttpMessageHandler handler)
        : base(handler, disposeHandler: false)
    {
        Handlers = new HttpMessageInvoker(handler, disposeHandler: false);
    }

    /// <summary>The same handlers, without the client's frame.</summary>
    public HttpMessageInvoker Handlers { get; }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Handlers.Dispose();
        }

        base.Dispose(disposing);
    }
}
