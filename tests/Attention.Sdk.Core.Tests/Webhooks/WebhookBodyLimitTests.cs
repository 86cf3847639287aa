using System.Text;
using Attention.Sdk.Webhooks;

namespace Attention.Sdk.Core.Tests.Webhooks;

/// <summary>Bodies are read with a cap: a declared length over it is refused unread, an undeclared one is never buffered past it.</summary>
public sealed class WebhookBodyLimitTests
{
    private const string Secret = "whsec_limit_tests";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (byte[] Body, string Signature) Delivery(int captionLength)
    {
        var data = $$"""{"id":"e1","caption":"{{new string('x', captionLength)}}"}""";
        return (Encoding.UTF8.GetBytes($$"""{"event":"x.y","data":{{data}}}"""), WebhookSigner.Sign(Encoding.UTF8.GetBytes(data), Secret));
    }

    [Fact]
    public async Task A_content_length_over_the_limit_is_refused_before_reading()
    {
        var (body, signature) = Delivery(10);
        var stream = new CountingStream(body);

        var (result, read) = await WebhookSignatureVerifier.VerifyAsync(stream, signature, [Secret], maxBodyBytes: 1000, contentLength: 1001, Ct);

        Assert.True(result.IsBodyTooLarge);
        Assert.Contains("1000 bytes", result.FailureReason, StringComparison.Ordinal);
        Assert.Empty(read);
        Assert.Equal(0, stream.BytesRead);
    }

    [Fact]
    public async Task An_undeclared_body_over_the_limit_is_refused_after_at_most_the_limit_and_one_byte()
    {
        var (body, signature) = Delivery(50_000);
        var stream = new CountingStream(body);

        var (result, _) = await WebhookSignatureVerifier.VerifyAsync(stream, signature, [Secret], maxBodyBytes: 4096, contentLength: null, Ct);

        Assert.True(result.IsBodyTooLarge);
        Assert.InRange(stream.BytesRead, 4096, 4097);
    }

    [Fact]
    public async Task A_content_length_that_understates_the_body_does_not_lift_the_limit()
    {
        var (body, signature) = Delivery(50_000);
        var stream = new CountingStream(body);

        var (result, _) = await WebhookSignatureVerifier.VerifyAsync(stream, signature, [Secret], maxBodyBytes: 4096, contentLength: 100, Ct);

        Assert.True(result.IsBodyTooLarge);
        Assert.InRange(stream.BytesRead, 4096, 4097);
    }

    [Fact]
    public async Task A_seekable_stream_longer_than_the_limit_is_refused_unread()
    {
        var (body, signature) = Delivery(5000);
        using var stream = new MemoryStream(body);

        var (result, _) = await WebhookSignatureVerifier.VerifyAsync(stream, signature, [Secret], maxBodyBytes: 4096, contentLength: null, Ct);

        Assert.True(result.IsBodyTooLarge);
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public async Task A_body_of_exactly_the_limit_is_read_and_verified()
    {
        var (body, signature) = Delivery(3000);
        var stream = new CountingStream(body);

        var (result, read) = await WebhookSignatureVerifier.VerifyAsync(stream, signature, [Secret], maxBodyBytes: body.Length, contentLength: null, Ct);

        Assert.True(result.IsValid, result.FailureReason);
        Assert.Equal(body, read);
    }

    [Fact]
    public async Task The_default_limit_is_one_mebibyte()
    {
        var (body, signature) = Delivery(WebhookSignatureVerifier.DefaultMaxBodyBytes);

        var (result, _) = await WebhookSignatureVerifier.VerifyAsync(new CountingStream(body), signature, [Secret], Ct);

        Assert.Equal(1024 * 1024, WebhookSignatureVerifier.DefaultMaxBodyBytes);
        Assert.True(result.IsBodyTooLarge);
    }

    /// <summary>A forward-only stream that hands out small chunks and counts what it gave.</summary>
    private sealed class CountingStream(byte[] content) : Stream
    {
        private int _position;

        public int BytesRead => _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, 1000), content.Length - _position);
            Array.Copy(content, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
