using Attention.Sdk.Testing.WireMock;
using AttentionFactory.Branding;
using AttentionFactory.Client.Tests.Support;
using AttentionFactory.Platforms;
using AttentionFactory.Rentals;

namespace AttentionFactory.Client.Tests;

public sealed class RentalsTests(WireMockServer wiremock) : FactoryTestBase(wiremock)
{
    [Fact]
    public async Task Create_rental_sends_the_documented_body_with_the_callers_key_and_reads_the_202()
    {
        await Scope.StubAsync("POST", "v1/rentals", status: 202, body: DocsExamples.WarmingRental);

        var rental = await CreateClient().Rentals.CreateAsync(
            new CreateRentalRequest
            {
                Platform = Platform.Instagram,
                WarmingNiche = "tech-reviews",
                Branding = new BrandingFields { Bio = "Builder. Coffee. Code.", DisplayName = "Launchpad" },
            },
            new Attention.Sdk.Http.RequestOptions { IdempotencyKey = "my-rental-001" },
            Ct);

        var request = await SingleRequestAsync("POST", "/v1/rentals");
        Assert.Equal("my-rental-001", request.Header("Idempotency-Key"));
        AssertJsonBody("""
            {"platform": "instagram", "months": 1, "auto_renew": true, "warming_niche": "tech-reviews",
             "branding": {"bio": "Builder. Coffee. Code.", "display_name": "Launchpad"}}
            """, request);
        Assert.Equal(DocsExamples.RentalId, rental.Id);
        Assert.Equal(RentalStatus.Warming, rental.Status);
        Assert.Equal(99.00m, rental.MonthlyRate);
        Assert.Equal(99.00m, rental.CreditsCharged);
        Assert.True(rental.AutoRenew);
        Assert.Null(rental.AnonymizedId);
        Assert.Null(rental.Profile);
        Assert.Equal(new DateTimeOffset(2026, 5, 2, 12, 0, 0, TimeSpan.Zero), rental.ExpiresPendingAt);
        Assert.Equal(new DateTimeOffset(2026, 4, 18, 12, 0, 0, TimeSpan.Zero), rental.CreatedAt);
    }

    [Fact]
    public async Task Create_rental_without_a_key_gets_one_minted_by_the_sdk()
    {
        await Scope.StubAsync("POST", "v1/rentals", status: 202, body: DocsExamples.WarmingRental);

        await CreateClient().Rentals.CreateAsync(new CreateRentalRequest { Platform = Platform.TikTok, Months = 3, AutoRenew = false }, cancellationToken: Ct);

        var request = await SingleRequestAsync("POST", "/v1/rentals");
        Assert.True(Guid.TryParse(request.Header("Idempotency-Key"), out _));
        AssertJsonBody("""{"platform": "tiktok", "months": 3, "auto_renew": false}""", request);
    }

    [Fact]
    public async Task List_rentals_filters_by_status()
    {
        await Scope.StubAsync("GET", "v1/rentals", query: new Dictionary<string, string> { ["status"] = "active" }, body: $$"""{"rentals": [{{DocsExamples.ActiveRental}}]}""");

        var rentals = await CreateClient().Rentals.ListAsync(RentalStatus.Active, Ct);

        await SingleRequestAsync("GET", "/v1/rentals", "status=active");
        var rental = Assert.Single(rentals);
        Assert.Equal(RentalStatus.Active, rental.Status);
        Assert.Equal(JsonValueKindArray, rentals.RawJson.GetProperty("rentals").ValueKind);
    }

    [Fact]
    public async Task List_rentals_accepts_a_bare_array()
    {
        await Scope.StubAsync("GET", "v1/rentals", body: $"[{DocsExamples.WarmingRental}, {DocsExamples.ActiveRental}]");

        var rentals = await CreateClient().Rentals.ListAsync(cancellationToken: Ct);

        await SingleRequestAsync("GET", "/v1/rentals");
        Assert.Equal([RentalStatus.Warming, RentalStatus.Active], rentals.Select(r => r.Status));
    }

    [Fact]
    public async Task Get_rental_reads_the_live_profile()
    {
        await Scope.StubAsync("GET", $"v1/rentals/{DocsExamples.RentalId}", body: DocsExamples.ActiveRental);

        var rental = await CreateClient().Rentals.GetAsync(DocsExamples.RentalId, Ct);

        await SingleRequestAsync("GET", $"/v1/rentals/{DocsExamples.RentalId}");
        Assert.Equal("7c2d9f5b-e48a-4c11-8b3f-91c2e4d8a6b7", rental.AnonymizedId);
        Assert.Equal(new DateTimeOffset(2026, 5, 18, 12, 30, 0, TimeSpan.Zero), rental.RentalEnd);
        Assert.Equal("launchpad_labs", rental.Profile!.Username);
        Assert.Equal("Launchpad", rental.Profile.DisplayName);
        Assert.Equal("https://cdn.example.com/avatars/launchpad.jpg", rental.Profile.AvatarUrl);
        Assert.Equal(2340, rental.Profile.FollowerCount);
        Assert.Equal(180, rental.Profile.FollowingCount);
        Assert.Equal(47, rental.Profile.PostCount);
    }

    [Fact]
    public async Task Get_rental_escapes_the_id_as_one_path_segment()
    {
        await Scope.StubAsync("GET", "v1/rentals/a%2Fb%20c", body: DocsExamples.ActiveRental);

        await CreateClient().Rentals.GetAsync("a/b c", Ct);

        await SingleRequestAsync("GET", "/v1/rentals/a%2Fb%20c");
    }

    [Fact]
    public async Task Null_profile_counts_are_read_as_null()
    {
        var body = DocsExamples.ActiveRental.Replace("\"follower_count\": 2340", "\"follower_count\": null", StringComparison.Ordinal);
        await Scope.StubAsync("GET", $"v1/rentals/{DocsExamples.RentalId}", body: body);

        var rental = await CreateClient().Rentals.GetAsync(DocsExamples.RentalId, Ct);

        Assert.Null(rental.Profile!.FollowerCount);
    }

    [Fact]
    public async Task Patch_rental_sends_only_auto_renew()
    {
        await Scope.StubAsync("PATCH", $"v1/rentals/{DocsExamples.RentalId}", body: DocsExamples.ActiveRental.Replace("\"auto_renew\": true", "\"auto_renew\": false", StringComparison.Ordinal));

        var rental = await CreateClient().Rentals.SetAutoRenewAsync(DocsExamples.RentalId, false, Ct);

        var request = await SingleRequestAsync("PATCH", $"/v1/rentals/{DocsExamples.RentalId}");
        AssertJsonBody("""{"auto_renew": false}""", request);
        Assert.False(rental.AutoRenew);
    }

    [Fact]
    public async Task Delete_rental_releases_it_and_keeps_the_answer()
    {
        await Scope.StubAsync("DELETE", $"v1/rentals/{DocsExamples.RentalId}", body: DocsExamples.RentalIn("released"));

        var result = await CreateClient().Rentals.DeleteAsync(DocsExamples.RentalId, Ct);

        await SingleRequestAsync("DELETE", $"/v1/rentals/{DocsExamples.RentalId}");
        Assert.Equal(DocsExamples.RentalId, result.Id);
        Assert.Equal(RentalStatus.Released, result.Status);
        Assert.Equal("99.00", result.RawJson.GetProperty("monthly_rate").GetString());
    }

    [Fact]
    public async Task Delete_rental_accepts_an_empty_204()
    {
        await Scope.StubAsync("DELETE", $"v1/rentals/{DocsExamples.RentalId}", status: 204);

        var result = await CreateClient().Rentals.DeleteAsync(DocsExamples.RentalId, Ct);

        Assert.Equal(DocsExamples.RentalId, result.Id);
        Assert.Null(result.Status);
    }

    [Fact]
    public async Task Extend_rental_sends_months_without_a_key()
    {
        await Scope.StubAsync("POST", $"v1/rentals/{DocsExamples.RentalId}/extend", body: DocsExamples.ActiveRental);

        var rental = await CreateClient().Rentals.ExtendAsync(DocsExamples.RentalId, 2, Ct);

        var request = await SingleRequestAsync("POST", $"/v1/rentals/{DocsExamples.RentalId}/extend");
        AssertJsonBody("""{"months": 2}""", request);
        Assert.Null(request.Header("Idempotency-Key"));
        Assert.Equal(RentalStatus.Active, rental.Status);
    }

    [Fact]
    public async Task Get_rental_with_request_options_sends_the_extra_header_and_returns_the_response_metadata()
    {
        await Scope.StubAsync("GET", $"v1/rentals/{DocsExamples.RentalId}", body: DocsExamples.ActiveRental, headers: new Dictionary<string, string> { ["X-Request-Id"] = "req_get_1" });
        var requestOptions = new Attention.Sdk.Http.RequestOptions().AddHeader("X-Trace", "checkout-42");

        var rental = await CreateClient().Rentals.GetAsync(DocsExamples.RentalId, requestOptions, Ct);

        var request = await SingleRequestAsync("GET", $"/v1/rentals/{DocsExamples.RentalId}");
        Assert.Equal("checkout-42", request.Header("X-Trace"));
        Assert.Equal(DocsExamples.RentalId, rental.Id);
        Assert.Equal(System.Net.HttpStatusCode.OK, requestOptions.Response!.StatusCode);
        Assert.Equal("req_get_1", requestOptions.Response.RequestId);
        Assert.Contains(DocsExamples.RentalId, requestOptions.Response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renew_rental_sends_months()
    {
        await Scope.StubAsync("POST", $"v1/rentals/{DocsExamples.RentalId}/renew", body: DocsExamples.ActiveRental);

        await CreateClient().Rentals.RenewAsync(DocsExamples.RentalId, 1, cancellationToken: Ct);

        var request = await SingleRequestAsync("POST", $"/v1/rentals/{DocsExamples.RentalId}/renew");
        AssertJsonBody("""{"months": 1}""", request);
        Assert.Null(request.Header("Idempotency-Key")); // the docs promise no de-duplication for renew: no key is minted
    }

    private const System.Text.Json.JsonValueKind JsonValueKindArray = System.Text.Json.JsonValueKind.Array;
}
