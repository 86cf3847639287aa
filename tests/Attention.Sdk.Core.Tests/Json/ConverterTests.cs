using System.Text.Json;
using Attention.Sdk.Core.Tests.Support;

namespace Attention.Sdk.Core.Tests.Json;

public sealed class ConverterTests
{
    [Theory]
    [InlineData("\"99.00\"", "99.00")]
    [InlineData("7.50", "7.50")]
    [InlineData("0.003", "0.003")]
    [InlineData("\"1e2\"", "100")]
    [InlineData("12345678901234567890.123456789", "12345678901234567890.123456789")]
    public void Money_reads_from_strings_and_numbers_without_double_rounding(string json, string expected)
    {
        var thing = JsonSerializer.Deserialize($$"""{"id":"a","price":{{json}}}""", TestJsonContext.Default.Thing)!;

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), thing.Price);
    }

    [Theory]
    [InlineData("\"ninety\"")]
    [InlineData("true")]
    [InlineData("1e400")]
    [InlineData("{}")]
    public void Money_that_is_not_a_number_is_a_json_exception(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize($$"""{"id":"a","price":{{json}}}""", TestJsonContext.Default.Thing));
    }

    [Fact]
    public void Null_money_reads_as_null()
    {
        Assert.Null(JsonSerializer.Deserialize("""{"id":"a","price":null}""", TestJsonContext.Default.Thing)!.Price);
    }

    [Fact]
    public void Unknown_enum_value_from_the_server_is_kept_not_rejected()
    {
        var thing = JsonSerializer.Deserialize("""{"id":"a","status":"hibernating"}""", TestJsonContext.Default.Thing)!;

        Assert.Equal("hibernating", thing.Status!.Value.Value);
        Assert.NotEqual(ThingStatus.Active, thing.Status);
    }

    [Fact]
    public void Known_enum_value_equals_its_static_member_and_round_trips()
    {
        var thing = JsonSerializer.Deserialize("""{"id":"a","status":"active"}""", TestJsonContext.Default.Thing)!;

        Assert.Equal(ThingStatus.Active, thing.Status);
        Assert.Contains("\"status\":\"active\"", JsonSerializer.Serialize(thing, TestJsonContext.Default.Thing));
    }

    [Fact]
    public void Enum_that_is_not_a_string_is_a_json_exception()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"id":"a","status":3}""", TestJsonContext.Default.Thing));
    }

    [Fact]
    public void Empty_enum_value_is_rejected_at_construction()
    {
        Assert.Throws<ArgumentException>(() => ThingStatus.FromValue(""));
    }
}
