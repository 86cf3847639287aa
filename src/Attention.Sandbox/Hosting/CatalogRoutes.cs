using Attention.Sdk.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Attention.Sandbox.Hosting;

/// <summary>
/// Maps an API's endpoint catalog (the SDK's <c>XxxEndpoints.All</c>) onto an emulator's handler table: method and path come from
/// the catalog, so the sandbox serves exactly what the SDK calls and the docs list.
/// </summary>
internal static class CatalogRoutes
{
    /// <summary>Maps each catalogued endpoint, under <paramref name="basePath"/>, to the request delegate <paramref name="bind"/> makes of its handler.</summary>
    /// <exception cref="InvalidOperationException">
    /// The handler table and the catalog disagree (an endpoint without a handler, or a handler for an endpoint the catalog does not
    /// list). Thrown while the sandbox starts, so any test that starts one catches it, not a user's 404.
    /// </exception>
    public static void Map<THandler>(
        IEndpointRouteBuilder routes,
        string api,
        string basePath,
        IReadOnlyList<ApiEndpoint> catalog,
        IReadOnlyDictionary<ApiEndpoint, THandler> handlers,
        Func<ApiEndpoint, THandler, RequestDelegate> bind)
    {
        var missing = catalog.Where(e => !handlers.ContainsKey(e)).ToList();
        var unknown = handlers.Keys.Where(e => !catalog.Contains(e)).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"The {api} emulator's handlers do not match the SDK's endpoint catalog. "
                + $"Without a handler: [{string.Join(", ", missing)}]. Not in the catalog: [{string.Join(", ", unknown)}].");
        }

        foreach (var endpoint in catalog)
        {
            routes.MapMethods(basePath + "/" + endpoint.Route, [endpoint.Method.Method], bind(endpoint, handlers[endpoint]));
        }
    }
}
