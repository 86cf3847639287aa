namespace QuickStart;

/// <summary>Readable, timestamped progress lines.</summary>
public sealed class Progress(TextWriter output)
{
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;

    public void Section(string title) => output.WriteLine($"{Environment.NewLine}== {title} ==");

    public void Step(string text) => Write("→", text);

    public void Ok(string text) => Write("✓", text);

    public void Note(string text) => Write("·", text);

    public void Done(string text) => Write("★", text);

    public void Fail(string text) => Write("✗", text);

    private void Write(string mark, string text) =>
        output.WriteLine($"[{(DateTimeOffset.UtcNow - _started).TotalSeconds,5:0.0}s] {mark} {text}");
}
