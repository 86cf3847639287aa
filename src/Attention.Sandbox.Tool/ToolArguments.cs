using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Attention.Sandbox.Tool;

/// <summary>The command line: <c>--port &lt;n&gt;</c> and <c>--help</c>.</summary>
internal sealed record ToolArguments(int Port, bool ShowHelp)
{
    public const string Usage = """
        Usage: attention-sandbox [--port <n>]
          --port <n>   127.0.0.1 port to listen on (default 8080; 0 picks a free port)
          --help       show this help
        """;

    public static bool TryParse(string[] args, [NotNullWhen(true)] out ToolArguments? arguments, [NotNullWhen(false)] out string? problem)
    {
        var port = 8080;
        var help = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--port" or "-p" when i + 1 < args.Length:
                    if (!int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
                    {
                        arguments = null;
                        problem = $"--port must be a number from 0 to 65535, not '{args[i]}'.";
                        return false;
                    }

                    break;
                case "--help" or "-h" or "-?":
                    help = true;
                    break;
                default:
                    arguments = null;
                    problem = $"Unknown argument '{args[i]}'.";
                    return false;
            }
        }

        arguments = new ToolArguments(port, help);
        problem = null;
        return true;
    }
}
