namespace WebhookReceiver;

/// <summary>Entry point: <c>dotnet run --project samples/WebhookReceiver</c> with <c>AttentionFactory__Webhooks__Secret</c> set.</summary>
public static class Program
{
    /// <summary>Runs the receiver.</summary>
    public static async Task Main(string[] args)
    {
        await using var app = WebhookReceiverApp.Create(args);
        await app.RunAsync();
    }
}
