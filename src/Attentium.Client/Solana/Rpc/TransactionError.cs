using System.Text.Json;

namespace Attentium.Solana;

/// <summary>
/// A transaction error as the cluster reports it (<c>err</c>): a name such as <c>BlockhashNotFound</c>, or
/// <c>{"InstructionError":[index, "InvalidAccountData" | {"Custom": n}]}</c> and similar. <see cref="Raw"/> keeps the JSON.
/// </summary>
public sealed class TransactionError
{
    private TransactionError(string raw, string name, int? instructionIndex, string? instructionError, uint? customCode)
    {
        Raw = raw;
        Name = name;
        InstructionIndex = instructionIndex;
        InstructionError = instructionError;
        CustomCode = customCode;
    }

    /// <summary>The error's JSON as sent.</summary>
    public string Raw { get; }

    /// <summary>The error name (<c>InstructionError</c>, <c>BlockhashNotFound</c>, <c>InsufficientFundsForFee</c>, ...).</summary>
    public string Name { get; }

    /// <summary>For an instruction error, the failing instruction's index.</summary>
    public int? InstructionIndex { get; }

    /// <summary>For an instruction error, its name (<c>Custom</c>, <c>InvalidAccountData</c>, ...).</summary>
    public string? InstructionError { get; }

    /// <summary>For a custom program error, its code (SPL Token: 1 insufficient funds, 3 mint mismatch, 4 owner mismatch).</summary>
    public uint? CustomCode { get; }

    /// <summary>Reads the <c>err</c> value; <see langword="null"/> for JSON null.</summary>
    public static TransactionError? FromJson(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            case JsonValueKind.String:
                return new TransactionError(element.GetRawText(), element.GetString()!, null, null, null);
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "InstructionError" && property.Value.ValueKind == JsonValueKind.Array && property.Value.GetArrayLength() == 2)
                    {
                        var index = property.Value[0].TryGetInt32(out var i) ? i : (int?)null;
                        var inner = property.Value[1];
                        string? innerName = null;
                        uint? code = null;
                        if (inner.ValueKind == JsonValueKind.String)
                        {
                            innerName = inner.GetString();
                        }
                        else if (inner.ValueKind == JsonValueKind.Object)
                        {
                            foreach (var p in inner.EnumerateObject())
                            {
                                innerName = p.Name;
                                if (p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetUInt32(out var c))
                                {
                                    code = c;
                                }

                                break;
                            }
                        }

                        return new TransactionError(element.GetRawText(), property.Name, index, innerName, code);
                    }

                    return new TransactionError(element.GetRawText(), property.Name, null, null, null);
                }

                return new TransactionError(element.GetRawText(), "Unknown", null, null, null);
            default:
                return new TransactionError(element.GetRawText(), "Unknown", null, null, null);
        }
    }

    /// <summary>A readable description, e.g. <c>InstructionError in instruction 2: Custom 1</c>.</summary>
    public override string ToString() => InstructionIndex is { } index
        ? $"InstructionError in instruction {index}: {InstructionError}{(CustomCode is { } c ? $" {c}" : string.Empty)}"
        : Name;
}
