using Attention.Sdk.Polling;
using System.Reflection;
using Attention.Sdk;
using Microsoft.Extensions.Logging;

namespace Attention.Sdk.Reliability.Tests.Support;

/// <summary>How a test wants a client set up: where it sends, through what, with what limits and logging.</summary>
internal sealed record ClientSetup
{
    /// <summary>The API root the client's base address is built from (a WireMock scope URL, or an in-process host).</summary>
    public Uri Root { get; init; } = new("http://reliability.test/");

    public HttpMessageHandler? Transport { get; init; }

    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The clock the clients run on (the system clock unless a test watches or drives time).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public string? ApiKey { get; init; }

    public int MaxRetries { get; init; } = 1;

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(1);

    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a payment flow waits for confirmation. Short by default so a never-confirming fake chain fails fast; the
    /// cancellation suites set it far beyond their cancellation moment, or the two timers race and either outcome is right.
    /// </summary>
    public TimeSpan ConfirmationTimeout { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How wait helpers poll (options and arguments). Short by default so endless "not yet" answers give up fast; each poll is
    /// bounded by the time left, so the cancellation suites set a budget far beyond their cancellation moment, as for <see cref="ConfirmationTimeout"/>.
    /// </summary>
    public PollingOptions Polling { get; init; } = SampleArguments.FastPolling;

    /// <summary>Applies the shared settings to a client's options.</summary>
    public T Apply<T>(T options, ClientSurface surface)
        where T : AttentionClientOptions
    {
        options.BaseAddress = new Uri(Root, surface.BasePath);
        options.ApiKey = ApiKey ?? surface.NewApiKey();
        options.Transport = Transport;
        options.LoggerFactory = LoggerFactory;
        options.TimeProvider = TimeProvider;
        options.MaxRetries = MaxRetries;
        options.AttemptTimeout = AttemptTimeout;
        options.Timeout = Timeout;
        options.RetryBaseDelay = RetryBaseDelay;
        options.MaxRetryDelay = RetryBaseDelay * 4;
        options.MaxRetryAfter = MaxRetryAfter;
        // The suites fire thousands of calls; the documented per-key limits are tested elsewhere.
        options.EnableClientRateLimit = false;
        // A retry budget per client: the suites fail thousands of calls on purpose, and the retry rules are what they test.
        options.RetryBudgetProvider = new Attention.Sdk.RateLimiting.InProcessRetryBudgetProvider();
        // In-process roots are plain-http names (reliability.test), which would otherwise refuse to carry a key.
        options.AllowInsecureTransport = true;
        return options;
    }
}

/// <summary>
/// One API client under the reliability suites: how to build it, its base path, and (by reflection, so a new method cannot
/// escape) every public async method reachable from the root client and its resource-group properties.
/// </summary>
internal sealed class ClientSurface(
    string name,
    string basePath,
    Type rootType,
    Func<string?> newApiKey,
    Func<ClientSetup, ClientSurface, AttentionClientOptions> createOptions,
    Func<AttentionClientOptions, ClientSetup, object> create)
{
    public string Name { get; } = name;

    /// <summary>The API's version path, relative (for example <c>v1/</c> or <c>api/v1/</c>).</summary>
    public string BasePath { get; } = basePath;

    public Type RootType { get; } = rootType;

    public string? NewApiKey() => newApiKey();

    /// <summary>The client's options with the setup applied (also what the secret suite prints).</summary>
    public AttentionClientOptions CreateOptions(ClientSetup setup) => createOptions(setup, this);

    public object Create(ClientSetup setup) => create(CreateOptions(setup), setup);

    /// <summary>Every public async method (returning Task, Task&lt;T&gt;, ValueTask or ValueTask&lt;T&gt;) on the root and its groups.</summary>
    public IReadOnlyList<ApiMethod> Methods => _methods ??= DiscoverMethods();

    private IReadOnlyList<ApiMethod>? _methods;

    private List<ApiMethod> DiscoverMethods()
    {
        var methods = new List<ApiMethod>();
        AddMethods(methods, RootType, null);
        foreach (var group in RootType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // Resource groups and other clients the root exposes (for example Attentium's SolanaRpc), not helpers such as inspectors or ledgers.
            if (group.PropertyType.IsClass && group.PropertyType.Assembly == RootType.Assembly && group.PropertyType.Name.EndsWith("Client", StringComparison.Ordinal))
            {
                AddMethods(methods, group.PropertyType, group);
            }
        }

        return methods;
    }

    private void AddMethods(List<ApiMethod> methods, Type type, PropertyInfo? group)
    {
        foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
        {
            if (method.DeclaringType == typeof(object) || method.IsSpecialName || !IsAsync(method.ReturnType))
            {
                continue;
            }

            methods.Add(new ApiMethod(this, group, method));
        }
    }

    private static bool IsAsync(Type type) =>
        type == typeof(Task) || type == typeof(ValueTask)
        || (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)));

    public override string ToString() => Name;
}

/// <summary>One public async method of a client, callable with sample arguments.</summary>
internal sealed class ApiMethod(ClientSurface surface, PropertyInfo? group, MethodInfo method)
{
    public ClientSurface Surface { get; } = surface;

    public MethodInfo Method { get; } = method;

    /// <summary>For example <c>Rentals.CreateAsync</c>: the group and name, without parameters (overloads share it).</summary>
    public string QualifiedName { get; } = $"{(group is null ? string.Empty : group.Name + ".")}{method.Name}";

    /// <summary>For example <c>AttentionFactory Rentals.CreateAsync(CreateRentalRequest, String, CancellationToken)</c>.</summary>
    public string DisplayName { get; } =
        $"{surface.Name} {(group is null ? string.Empty : group.Name + ".")}{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))})";

    /// <summary>Calls the method on a fresh client built from <paramref name="setup"/> and awaits it; the result is returned boxed (null for Task).</summary>
    public Task<object?> InvokeAsync(ClientSetup setup, CancellationToken cancellationToken) =>
        InvokeAsync(Surface.Create(setup), cancellationToken, setup.Polling);

    /// <summary>Calls the method on <paramref name="rootClient"/> with sample arguments (after <paramref name="adjust"/>, when given) and awaits it.</summary>
    public async Task<object?> InvokeAsync(object rootClient, CancellationToken cancellationToken, PollingOptions? polling = null, Action<ParameterInfo[], object?[]>? adjust = null)
    {
        var target = group is null ? rootClient : group.GetValue(rootClient)!;
        var args = SampleArguments.For(Method, cancellationToken, polling);
        adjust?.Invoke(Method.GetParameters(), args);
        object? returned;
        try
        {
            returned = Method.Invoke(target, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }

        switch (returned)
        {
            case Task task:
                await task;
                return Method.ReturnType.IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            case null:
                return null;
            default:
                // ValueTask<T>: convert through AsTask.
                var asTask = (Task)returned.GetType().GetMethod("AsTask")!.Invoke(returned, null)!;
                await asTask;
                return asTask.GetType().GetProperty("Result")!.GetValue(asTask);
        }
    }

    public override string ToString() => DisplayName;
}
