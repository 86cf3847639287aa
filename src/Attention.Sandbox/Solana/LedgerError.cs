using System.Text.Json.Nodes;

namespace Attention.Sandbox.Solana;

/// <summary>
/// A transaction error in the cluster's JSON shape: a name (<c>"BlockhashNotFound"</c>) or
/// <c>{"InstructionError":[index, "InvalidAccountData" | {"Custom": n}]}</c>.
/// </summary>
internal sealed class LedgerError
{
    private LedgerError(string name, int? index, InstructionFailure? failure)
    {
        Name = name;
        Index = index;
        Failure = failure;
    }

    public string Name { get; }

    public int? Index { get; }

    public InstructionFailure? Failure { get; }

    public static LedgerError Named(string name) => new(name, null, null);

    public static LedgerError InInstruction(int index, InstructionFailure failure) => new("InstructionError", index, failure);

    public JsonNode ToJson() => Index is { } index && Failure is { } failure
        ? new JsonObject { ["InstructionError"] = new JsonArray(index, failure.ToJson()) }
        : JsonValue.Create(Name);

    /// <summary>For messages and logs, e.g. <c>InstructionError(1, Custom(1))</c>.</summary>
    public override string ToString() => Index is { } index ? $"InstructionError({index}, {Failure})" : Name;
}

/// <summary>Why one instruction failed: a named error or a program's custom code.</summary>
internal sealed record InstructionFailure(string Name, uint? Code)
{
    public static InstructionFailure Custom(uint code) => new("Custom", code);

    public static InstructionFailure Named(string name) => new(name, null);

    public JsonNode ToJson() => Code is { } code ? new JsonObject { ["Custom"] = code } : JsonValue.Create(Name);

    public override string ToString() => Code is { } code ? $"custom program error: 0x{code:x}" : Name;
}
