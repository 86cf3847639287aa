using System.Text.Json.Nodes;

namespace Attention.Sandbox.Tests.Contract;

/// <summary>The Attention Factory contract as documented, checked over plain HTTP: keys, accounts, validation, caps, idempotency.</summary>
public sealed class FactoryContractTests : IAsyncLifetime
{
    private AttentionSandbox _sandbox = null!;
    private RawApi _api = null!;

    public async ValueTask InitializeAsync()
    {
        _sandbox = await AttentionSandbox.StartAsync(new AttentionSandboxOptions
        {
            RentalActivationDelay = TimeSpan.Zero,
            StartingCredits = 150m,
            ActionRateCapPerHour = 3,
            ActionRateCapPerDay = 5,
        });
        _api = new RawApi(_sandbox.AttentionFactoryBaseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        _api.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task Well_formed_but_unregistered_key_is_a_401()
    {
        var answer = await _api.GetAsync("billing/balance", "af_test_sk_" + Guid.NewGuid().ToString("N"));

        Assert.Equal(401, answer.Status);
        Assert.Equal("Missing or invalid API key", (string?)answer.Body!["detail"]);
    }

    [Fact]
    public async Task Revoked_key_is_a_401()
    {
        var key = _sandbox.CreateAttentionFactoryKey();
        Assert.Equal(200, (await _api.GetAsync("billing/balance", key)).Status);

        Assert.True(_sandbox.RevokeApiKey(key));

        Assert.Equal(401, (await _api.GetAsync("billing/balance", key)).Status);
    }

    [Fact]
    public async Task Created_key_is_an_account_with_the_chosen_credits_and_its_own_rentals()
    {
        var rich = _sandbox.CreateAttentionFactoryKey(credits: 500m, apiKey: "af_live_sk_from_app_config");
        var other = _sandbox.CreateAttentionFactoryKey();
        await _api.PostAsync("rentals", rich, """{"platform":"instagram"}""");

        Assert.Equal("401.00", (string?)(await _api.GetAsync("billing/balance", "af_live_sk_from_app_config")).Body!["balance"]);
        Assert.Equal("150.00", (string?)(await _api.GetAsync("billing/balance", other)).Body!["balance"]);
        Assert.Empty((await _api.GetAsync("rentals", other)).Body!["rentals"]!.AsArray());
    }

    [Fact]
    public async Task Lowercase_bearer_scheme_is_accepted()
    {
        var answer = await _api.SendAsync(HttpMethod.Get, "billing/balance", AttentionSandbox.FactoryApiKey, scheme: "bearer");

        Assert.Equal(200, answer.Status);
    }

    [Theory]
    [InlineData("""{"platform":"instagram","auto_renew":"yes"}""", "body.auto_renew")]
    [InlineData("""{"platform":"instagram","months":"2"}""", "body.months")]
    [InlineData("""{"platform":"instagram","branding":"x"}""", "body.branding")]
    [InlineData("""{"platform":"instagram","branding":{"bio":"hi","favourite_colour":"red"}}""", "body.branding.favourite_colour")]
    [InlineData("""{"platform":"instagram","branding":{"bio":12345}}""", "body.branding.bio")]
    [InlineData("""{"platform":7}""", "body.platform")]
    [InlineData("""[1,2]""", "body")]
    [InlineData("""{"platform":""", "body")]
    public async Task Rental_body_that_breaks_the_schema_is_a_422_naming_the_field_and_charges_nothing(string body, string location)
    {
        var key = _sandbox.CreateAttentionFactoryKey();

        var answer = await _api.PostAsync("rentals", key, body);

        Assert.Equal(422, answer.Status);
        Assert.Equal(location, answer.FirstProblemLocation);
        Assert.Equal("150.00", (string?)(await _api.GetAsync("billing/balance", key)).Body!["balance"]);
        Assert.Empty((await _api.GetAsync("rentals", key)).Body!["rentals"]!.AsArray());
    }

    [Theory]
    [InlineData("""{"bio":12345}""", "body.bio")]
    [InlineData("""{"bio":"ok","mood":"sunny"}""", "body.mood")]
    public async Task Branding_body_that_breaks_the_schema_is_a_422_and_queues_nothing(string body, string location)
    {
        var (key, rentalId) = await ActiveRentalAsync();

        var answer = await _api.PostAsync($"rentals/{rentalId}/branding", key, body);

        Assert.Equal(422, answer.Status);
        Assert.Equal(location, answer.FirstProblemLocation);
        Assert.Empty((await _api.GetAsync($"rentals/{rentalId}/actions", key)).Body!["actions"]!.AsArray());
    }

    [Fact]
    public async Task Instagram_branding_accepts_its_documented_platform_fields()
    {
        var (key, rentalId) = await ActiveRentalAsync();

        var answer = await _api.PostAsync($"rentals/{rentalId}/branding", key, """{"bio":"Builder.","pronouns":"she/her","category":"Artist"}""");

        Assert.Equal(200, answer.Status);
        Assert.Equal(3, answer.Body!["results"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("""{"type":"comment","params":{}}""", "body.params.text")]
    [InlineData("""{"type":"comment","params":{"text":"Nice!"}}""", "body.params.target_url")]
    [InlineData("""{"type":"like"}""", "body.params.target_url")]
    [InlineData("""{"type":"like","params":"x"}""", "body.params")]
    [InlineData("""{"type":5}""", "body.type")]
    public async Task Action_that_breaks_the_schema_is_a_422_and_is_not_created(string body, string location)
    {
        var (key, rentalId) = await ActiveRentalAsync();

        var answer = await _api.PostAsync($"rentals/{rentalId}/instagram/actions", key, body);

        Assert.Equal(422, answer.Status);
        Assert.Equal(location, answer.FirstProblemLocation);
        Assert.Empty((await _api.GetAsync($"rentals/{rentalId}/actions", key)).Body!["actions"]!.AsArray());
    }

    [Fact]
    public async Task Webhook_with_events_that_are_not_strings_is_a_422_not_a_500()
    {
        var answer = await _api.PostAsync("webhooks", AttentionSandbox.FactoryApiKey, """{"url":"https://example.com/hook","events":[1,2]}""");

        Assert.Equal(422, answer.Status);
        Assert.Equal("body.events.0", answer.FirstProblemLocation);
    }

    [Fact]
    public async Task Advertised_per_hour_cap_is_the_enforced_cap_per_action_type()
    {
        var (key, rentalId) = await ActiveRentalAsync();
        var capabilities = await _api.GetAsync($"rentals/{rentalId}/capabilities", key);
        var like = capabilities.Body!["actions"]!.AsArray().Single(a => (string?)a!["type"] == "like")!;
        var perHour = (int)like["rate_cap"]!["per_hour"]!;
        const string likeBody = """{"type":"like","params":{"target_url":"https://instagram.com/p/abc"}}""";

        for (var i = 0; i < perHour; i++)
        {
            Assert.Equal(202, (await _api.PostAsync($"rentals/{rentalId}/instagram/actions", key, likeBody)).Status);
        }

        var refused = await _api.PostAsync($"rentals/{rentalId}/instagram/actions", key, likeBody);
        var follow = await _api.PostAsync($"rentals/{rentalId}/instagram/actions", key, """{"type":"follow","params":{"target_url":"https://instagram.com/someone"}}""");

        Assert.Equal(3, perHour);
        Assert.Equal(5, (int)like["rate_cap"]!["per_day"]!);
        Assert.Equal(429, refused.Status);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(59));
        Assert.Equal(202, follow.Status);
    }

    [Fact]
    public async Task Failed_answer_is_not_replayed_under_its_idempotency_key_once_credits_are_added()
    {
        var key = _sandbox.CreateAttentionFactoryKey(credits: 10m);
        const string body = """{"platform":"tiktok"}""";

        var first = await _api.PostAsync("rentals", key, body, "rental-1");
        _sandbox.AddAttentionFactoryCredits(key, 100m);
        var second = await _api.PostAsync("rentals", key, body, "rental-1");
        var replay = await _api.PostAsync("rentals", key, body, "rental-1");

        Assert.Equal(402, first.Status);
        Assert.Equal(202, second.Status);
        Assert.Equal((string?)second.Body!["id"], (string?)replay.Body!["id"]);
        Assert.Single((await _api.GetAsync("rentals", key)).Body!["rentals"]!.AsArray());
    }

    [Fact]
    public async Task Invalid_body_fixed_under_the_same_idempotency_key_succeeds()
    {
        var key = _sandbox.CreateAttentionFactoryKey();

        var first = await _api.PostAsync("rentals", key, """{"platform":"myspace"}""", "rental-2");
        var second = await _api.PostAsync("rentals", key, """{"platform":"reddit"}""", "rental-2");

        Assert.Equal(400, first.Status);
        Assert.Equal(202, second.Status);
    }

    [Fact]
    public async Task Different_body_under_a_used_idempotency_key_is_a_422_and_creates_nothing()
    {
        var key = _sandbox.CreateAttentionFactoryKey(credits: 1000m);
        var first = await _api.PostAsync("rentals", key, """{"platform":"reddit"}""", "rental-3");

        var second = await _api.PostAsync("rentals", key, """{"platform":"x"}""", "rental-3");

        Assert.Equal(202, first.Status);
        Assert.Equal(422, second.Status);
        Assert.Contains("Idempotency-Key", (string?)second.Body!["detail"]);
        Assert.Single((await _api.GetAsync("rentals", key)).Body!["rentals"]!.AsArray());
    }

    [Fact]
    public async Task Every_answer_carries_a_request_id()
    {
        var ok = await _api.GetAsync("platforms", AttentionSandbox.FactoryApiKey);
        var unauthorized = await _api.GetAsync("platforms", null);
        var unknownRoute = await _api.GetAsync("no/such/route", AttentionSandbox.FactoryApiKey);

        Assert.StartsWith("req_", ok.RequestId);
        Assert.StartsWith("req_", unauthorized.RequestId);
        Assert.StartsWith("req_", unknownRoute.RequestId);
        Assert.NotEqual(ok.RequestId, unauthorized.RequestId);
    }

    [Fact]
    public async Task Unknown_status_filter_is_refused_not_ignored()
    {
        var answer = await _api.GetAsync("rentals?status=sleeping", AttentionSandbox.FactoryApiKey);

        Assert.Equal(400, answer.Status);
    }

    private async Task<(string Key, string RentalId)> ActiveRentalAsync()
    {
        var key = _sandbox.CreateAttentionFactoryKey();
        var rental = await _api.PostAsync("rentals", key, """{"platform":"instagram"}""");
        Assert.Equal("active", (string?)rental.Body!["status"]);
        return (key, (string)rental.Body["id"]!);
    }
}
