using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PortailFamille.BuildingBlocks.Demo;
using PortailFamille.Reservations.Contracts;
using Xunit.Abstractions;

namespace PortailFamille.Integration.Tests;

/// <summary>
/// Signed in as a family, then as the administrateur, every route the running app maps receives malformed input: ids
/// that are not GUIDs, query values of the wrong type or out of range, bodies that are not JSON, empty, of the wrong
/// types, huge. No answer may be a 5xx; a refused API call answers problem details with a code, a refused page a
/// French page. The routes, their query parameters and their bodies' shapes are read from the endpoints, so new routes
/// join the sweep.
/// </summary>
public abstract partial class MalformedInputSweep<TApp>(TApp app, ITestOutputHelper output) : IClassFixture<TApp> where TApp : PortalApp
{
    private static readonly DemoCatalog.DemoFamily Family = DemoCatalog.Families[22]; // famille23: its own data only

    // Routes that end the sweep's own session (they take no input to malform).
    private static readonly string[] SessionEnders = ["/deconnexion", "/deconnexion/partout", "/api/v1/auth/logout", "/api/v1/auth/logout-everywhere"];

    private static readonly string Huge = new('é', 1_000_000);

    [Fact]
    public async Task A_family_sending_malformed_input_to_every_route_never_gets_a_server_error()
    {
        var client = await app.SignedInClientAsync(Family.Identifier, DemoCatalog.FamilyPassword);
        await SweepAsync(client);
    }

    [Fact]
    public async Task The_administrator_sending_malformed_input_to_every_route_never_gets_a_server_error()
    {
        var client = await app.SignedInClientAsync("admin", DemoCatalog.StaffPassword);
        await SweepAsync(client);
    }

    [Fact]
    public async Task A_period_or_closure_outside_the_calendar_years_is_refused_so_no_booking_check_leaves_the_dates()
    {
        var admin = await app.SignedInClientAsync("admin", DemoCatalog.StaffPassword);
        var family = await app.SignedInClientAsync(Family.Identifier, DemoCatalog.FamilyPassword);
        var canteen = (await app.SendAsync(new ListActivities(DemoCatalog.Education.Id))).Single(a => a.Code == "RESTAURATION");

        // Year 1: the 3-day notice before 1 January of year 1 is before DateOnly.MinValue.
        var period = await admin.PostAsJsonAsync("/api/v1/staff/periods", new
        {
            structureId = DemoCatalog.Education.Id, name = "An 1", kind = "SchoolTime", opensOn = "0001-01-01", startsOn = "0001-01-01", endsOn = "0001-01-31",
        });
        var toggle = await family.PostAsJsonAsync("/api/v1/reservations/cart/days", new { childId = Family.Children[0].Id, activityId = canteen.Id, days = new[] { "0001-01-01" }, scope = "EachDay" });
        var closure = await admin.PostAsJsonAsync("/api/v1/staff/closures", new { structureId = DemoCatalog.Education.Id, day = "9999-12-31", reason = "Fin des temps" });

        Assert.True((int)toggle.StatusCode < 500, $"toggling a day of year 1 answered {(int)toggle.StatusCode}");
        foreach (var refused in new[] { period, closure })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("validation.failed", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }
    }

    private async Task SweepAsync(HttpClient client)
    {
        var canteen = (await app.SendAsync(new ListActivities(DemoCatalog.Education.Id))).Single(a => a.Code == "RESTAURATION");
        var valid = new Valid(Family, canteen.Id);
        // Any form's token of the session: the page endpoints that take a form then read the malformed fields.
        var antiforgery = "";
        foreach (var page in new[] { "/profil", "/gestion/familles" })
        {
            var answer = await client.GetAsync(page);
            if (Token().Match(await answer.Content.ReadAsStringAsync()) is { Success: true } token) antiforgery = WebUtility.HtmlDecode(token.Groups[1].Value);
        }

        var failures = new List<(string Kind, string Example)>();
        var requests = 0;
        var started = DateTime.UtcNow;
        foreach (var route in Routes())
        {
            foreach (var probe in Probes(route, valid, antiforgery))
            {
                using var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Url) { Content = probe.Body?.Invoke() };
                HttpResponseMessage response;
                try
                {
                    response = await client.SendAsync(request);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    failures.Add(($"{probe.Method} {route.Pattern}: {e.GetType().Name}", $"[{probe.What}] {e.Message}"));
                    continue;
                }

                requests++;
                using (response)
                {
                    if (await CheckAsync(route, probe, response) is { } failure) failures.Add(failure);
                }
            }
        }

        output.WriteLine($"{requests} requests in {(DateTime.UtcNow - started).TotalSeconds:F0} s");
        Assert.True(requests > 500, $"only {requests} requests made");
        // One line per route and kind of answer, with one example of what was sent and answered.
        var kinds = failures.GroupBy(f => f.Kind).Select(g => $"{g.Key} ×{g.Count()}, e.g. {g.First().Example}");
        Assert.True(failures.Count == 0, $"{failures.Count} answers out of {requests} break the rules:\n" + string.Join("\n", kinds));
        // Still signed in: nothing in the sweep ended the session.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    private static async Task<(string Kind, string Example)?> CheckAsync(Route route, Probe probe, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var type = response.Content.Headers.ContentType?.MediaType;
        var body = await response.Content.ReadAsStringAsync();
        (string, string) Fail(string why) => ($"{probe.Method} {route.Pattern} → {status} {type} {why}", $"[{probe.What}] {Short(probe.Url)} « {Short(body)} »");
        if (status >= 500) return Fail("server error");
        if (status < 400) return null;
        if (route.IsApi)
        {
            if (type != "application/problem+json") return Fail("not problem details");
            using var json = JsonDocument.Parse(body);
            if (!json.RootElement.TryGetProperty("code", out var code) || code.GetString() is not { Length: > 0 }) return Fail("no code");
            return null;
        }

        if (type != "text/html") return Fail("not an HTML page");
        if (!body.Contains("lang=\"fr\"", StringComparison.Ordinal)) return Fail("not the French page");
        return null;
    }

    private static string Short(string text)
    {
        var flat = text.Replace('\n', ' ');
        return flat.Length > 160 ? flat[..160] + "…" : flat;
    }

    // ---- What is sent -------------------------------------------------------------------------------------------

    private sealed record Probe(string Method, string Url, Func<HttpContent?>? Body, string What);

    private sealed record Parameter(string Name, Type Type);

    private sealed record Route(string Pattern, string[] Methods, IReadOnlyList<Parameter> RouteValues, IReadOnlyList<Parameter> Query,
        IReadOnlyList<Parameter> Form, Type? JsonBody)
    {
        public bool IsApi => Pattern.StartsWith("/api/", StringComparison.Ordinal);
    }

    /// <summary>Values the family really has, so that one malformed value at a time reaches the checks behind the others.</summary>
    private sealed record Valid(DemoCatalog.DemoFamily Family, Guid ActivityId)
    {
        public string For(Parameter parameter, bool inRoute)
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var type = Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type;
            if (type == typeof(Guid) && !inRoute)
            {
                return parameter.Name.ToLowerInvariant() switch
                {
                    "childid" or "enfant" or "fromchildid" or "tochildid" => Family.Children[0].Id.ToString(),
                    "activityid" or "activite" or "fromactivityid" or "toactivityid" => ActivityId.ToString(),
                    "structureid" => DemoCatalog.Education.Id.ToString(),
                    "familyaccountid" or "accountid" => Family.Id.ToString(),
                    _ => Guid.NewGuid().ToString(),
                };
            }

            return parameter.Name.ToLowerInvariant() switch
            {
                "year" => today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "month" => today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "take" => "10",
                "skip" => "0",
                "mois" => today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                "jour" or "jusquau" => today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                "type" => "consommations",
                "format" => "csv",
                _ => ByType(type),
            };
        }

        private static string ByType(Type type) =>
            type == typeof(Guid) ? Guid.NewGuid().ToString()
            : type == typeof(DateOnly) ? DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : type == typeof(bool) ? "false"
            : type.IsEnum ? Enum.GetNames(type)[0]
            : type == typeof(string) ? "x"
            : "1";
    }

    private static IEnumerable<string> Malformed(Parameter parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type;
        var name = parameter.Name.ToLowerInvariant();
        if (type == typeof(Guid)) return ["pas-un-guid", "", "00000000-0000-0000-0000-000000000000", "1"];
        if (type == typeof(int) || type == typeof(long))
        {
            string[] common = ["abc", "-1", "0", "1.5", "2147483647", "2147483648", "-2147483649", "99999"];
            return name switch
            {
                "month" => [.. common, "13"],
                "year" => [.. common, "10000", "1"],
                _ => common,
            };
        }

        if (type == typeof(decimal) || type == typeof(double)) return ["abc", "1e400", "79228162514264337593543950336", "-1", "NaN"];
        if (type == typeof(bool)) return ["maybe", "2"];
        if (type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset))
            return ["2024-02-30", "abc", "0001-01-01", "9999-12-31", "2024-13-01", "31/12/2024"];
        if (type.IsEnum) return ["Bogus", "999", "-1"];
        // Strings: the page-level names that are dates or months, then the usual suspects.
        return ["2024-13", "2024-02-30", "9999-12", "abc", "' OR 1=1--", "../../etc/passwd", "\u0000", new string('x', 100_000)];
    }

    private static IEnumerable<Probe> Probes(Route route, Valid valid, string antiforgery)
    {
        string Path(Parameter? bad = null, string? value = null)
        {
            var path = route.Pattern;
            foreach (var p in route.RouteValues)
            {
                var text = p == bad ? value! : valid.For(p, inRoute: true);
                path = Regex.Replace(path, "\\{" + Regex.Escape(p.Name) + "(:[^}]*)?\\}", Uri.EscapeDataString(text), RegexOptions.IgnoreCase);
            }

            return path;
        }

        string Query(Parameter? bad = null, string? value = null) =>
            route.Query.Count == 0 && bad is null ? ""
            : "?" + string.Join('&', route.Query.Select(q => $"{q.Name}={Uri.EscapeDataString(q == bad ? value! : valid.For(q, inRoute: false))}"));

        foreach (var method in route.Methods)
        {
            var hasBody = method is "POST" or "PUT" or "PATCH";
            Func<HttpContent?>? goodBody = route.JsonBody is { } bodyType ? () => Json(ValidJson(bodyType, valid)) : route.Form.Count > 0 ? () => FormBody(route, valid, antiforgery, null, null) : null;

            // Route values.
            foreach (var p in route.RouteValues)
                foreach (var bad in Malformed(p))
                    // A NUL in the path never reaches the app (Kestrel refuses it; the test server throws client-side).
                    if (bad.Length > 0 && !bad.Contains('\0')) yield return new Probe(method, Path(p, bad) + Query(), hasBody ? goodBody : null, $"route {p.Name}={Short(bad)}");

            // Query values, one at a time, then none.
            foreach (var q in route.Query)
                foreach (var bad in Malformed(q))
                    yield return new Probe(method, Path() + Query(q, bad), hasBody ? goodBody : null, $"query {q.Name}={Short(bad)}");
            if (route.Query.Count > 0) yield return new Probe(method, Path(), hasBody ? goodBody : null, "no query");

            if (!hasBody && method != "DELETE") continue;
            var url = Path() + Query();

            // Bodies every route must survive.
            yield return new Probe(method, url, () => new StringContent("ceci n'est pas du JSON", Encoding.UTF8, "application/json"), "body not JSON");
            yield return new Probe(method, url, () => new StringContent("{\"a\":", Encoding.UTF8, "application/json"), "body truncated JSON");
            yield return new Probe(method, url, () => new StringContent("", Encoding.UTF8, "application/json"), "empty JSON body");
            yield return new Probe(method, url, () => null, "no body");
            yield return new Probe(method, url, () => new StringContent("null", Encoding.UTF8, "application/json"), "body null");
            yield return new Probe(method, url, () => new StringContent("[]", Encoding.UTF8, "application/json"), "body an array");
            yield return new Probe(method, url, () => new StringContent("12", Encoding.UTF8, "application/json"), "body a number");
            yield return new Probe(method, url, () => new StringContent("{}", Encoding.UTF8, "application/json"), "body empty object");
            yield return new Probe(method, url, () => new StringContent(new string('[', 5000) + new string(']', 5000), Encoding.UTF8, "application/json"), "body nested 5000 deep");
            yield return new Probe(method, url, () => new StringContent("{\"x\":1}", Encoding.UTF8, "text/plain"), "body of another type");
            yield return new Probe(method, url, () => new StringContent(JsonSerializer.Serialize(new { value = Huge }), Encoding.UTF8, "application/json"), "huge JSON body");

            if (route.JsonBody is { } json)
            {
                var good = ValidJson(json, valid);
                yield return new Probe(method, url, () => Json(good), "valid-shaped body");
                foreach (var (path, variant, what) in JsonVariants(json, good, valid))
                    yield return new Probe(method, url, () => Json(variant), $"body {path} {what}");
            }

            if (route.Form.Count > 0)
            {
                foreach (var f in route.Form)
                    foreach (var bad in Malformed(f))
                        yield return new Probe(method, url, () => FormBody(route, valid, antiforgery, f, bad), $"form {f.Name}={Short(bad)}");
                yield return new Probe(method, url, () => new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery)]), "form without fields");
            }
        }
    }

    private static HttpContent FormBody(Route route, Valid valid, string antiforgery, Parameter? bad, string? value)
    {
        var content = new MultipartFormDataContent { { new StringContent(antiforgery), "__RequestVerificationToken" } };
        foreach (var f in route.Form) content.Add(new StringContent(f == bad ? value! : valid.For(f, inRoute: false)), f.Name);
        return content;
    }

    private static StringContent Json(JsonNode? node) => new(node?.ToJsonString() ?? "null", Encoding.UTF8, "application/json");

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>A body of the endpoint's type with plausible values (real ids where the name says which).</summary>
    private static JsonNode? ValidJson(Type type, Valid valid, int depth = 0)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        if (inner == typeof(string) || inner == typeof(Guid) || inner == typeof(DateOnly) || inner == typeof(bool) || inner.IsEnum
            || inner == typeof(int) || inner == typeof(long) || inner == typeof(decimal) || inner == typeof(double))
            return Scalar(inner, "x", valid);
        if (ElementType(inner) is { } element)
        {
            if (IsDictionary(inner)) return new JsonObject { ["x"] = "y" };
            return depth > 3 ? new JsonArray() : new JsonArray(ValidJson(element, valid, depth + 1));
        }

        var obj = new JsonObject();
        foreach (var (name, propertyType) in Properties(inner))
            obj[name] = IsScalar(propertyType) ? Scalar(Nullable.GetUnderlyingType(propertyType) ?? propertyType, name, valid) : ValidJson(propertyType, valid, depth + 1);
        return obj;
    }

    private static bool IsScalar(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        return inner.IsPrimitive || inner.IsEnum || inner == typeof(string) || inner == typeof(Guid) || inner == typeof(DateOnly) || inner == typeof(decimal) || inner == typeof(TimeOnly);
    }

    private static JsonNode? Scalar(Type type, string name, Valid valid)
    {
        var text = valid.For(new Parameter(name, type), inRoute: false);
        if (type == typeof(string) || type == typeof(Guid) || type == typeof(DateOnly) || type.IsEnum || type == typeof(TimeOnly)) return JsonValue.Create(text);
        if (type == typeof(bool)) return JsonValue.Create(false);
        return JsonValue.Create(1);
    }

    private static IEnumerable<(string Name, Type Type)> Properties(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        if (constructor is { } c && c.GetParameters().Length > 0)
            return c.GetParameters().Select(p => (JsonNamingPolicy.CamelCase.ConvertName(p.Name!), p.ParameterType));
        return type.GetProperties().Where(p => p.CanWrite).Select(p => (JsonNamingPolicy.CamelCase.ConvertName(p.Name), p.PropertyType));
    }

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string)) return null;
        if (type.IsArray) return type.GetElementType();
        var enumerable = type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    private static bool IsDictionary(Type type) =>
        type.GetInterfaces().Append(type).Any(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IDictionary<,>)));

    /// <summary>The valid body with one property (or array element's property) replaced by each malformed value of its kind.</summary>
    private static IEnumerable<(string Path, JsonNode? Body, string What)> JsonVariants(Type type, JsonNode? good, Valid valid)
    {
        foreach (var (path, leafType) in Leaves(type, "$"))
        {
            foreach (var (value, what) in WrongValues(leafType))
            {
                var body = good?.DeepClone();
                Set(body, path, value?.DeepClone());
                yield return (path, body, what);
            }

            var removed = good?.DeepClone();
            Remove(removed, path);
            yield return (path, removed, "missing");
        }
    }

    private static IEnumerable<(string Path, Type Type)> Leaves(Type type, string prefix, int depth = 0)
    {
        foreach (var (name, propertyType) in Properties(type))
        {
            var path = $"{prefix}.{name}";
            yield return (path, propertyType);
            var element = ElementType(propertyType);
            if (element is not null && !IsDictionary(propertyType) && !IsScalar(element) && depth < 2)
                foreach (var leaf in Leaves(element, path + "[0]", depth + 1)) yield return leaf;
        }
    }

    private static IEnumerable<(JsonNode? Value, string What)> WrongValues(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        yield return (null, "null");
        yield return (new JsonObject(), "an object");
        yield return (new JsonArray(), "an array");
        if (inner == typeof(string))
        {
            yield return (JsonValue.Create(12), "a number");
            yield return (JsonValue.Create(true), "a boolean");
            yield return (JsonValue.Create(Huge), "a huge string");
            yield return (JsonValue.Create(""), "empty");
            yield return (JsonValue.Create("\u0000' OR 1=1--"), "a nul and SQL");
        }
        else if (inner == typeof(Guid))
        {
            yield return (JsonValue.Create("pas-un-guid"), "not a GUID");
            yield return (JsonValue.Create(Guid.Empty), "the empty GUID");
            yield return (JsonValue.Create(12), "a number");
        }
        else if (inner == typeof(int) || inner == typeof(long))
        {
            yield return (JsonValue.Create("abc"), "a string");
            yield return (JsonValue.Create(1.5), "a fraction");
            yield return (JsonNode.Parse("1e20"), "1e20");
            yield return (JsonValue.Create(-1), "-1");
            yield return (JsonValue.Create(int.MaxValue), "int.MaxValue");
            yield return (JsonValue.Create(int.MinValue), "int.MinValue");
        }
        else if (inner == typeof(decimal) || inner == typeof(double))
        {
            yield return (JsonValue.Create("abc"), "a string");
            yield return (JsonNode.Parse("1e30"), "1e30");
            yield return (JsonNode.Parse("79228162514264337593543950335"), "decimal.MaxValue");
            yield return (JsonNode.Parse("-79228162514264337593543950335"), "decimal.MinValue");
            yield return (JsonValue.Create(-1), "-1");
            yield return (JsonNode.Parse("0.0000000000000000000000000001"), "28 decimals");
        }
        else if (inner == typeof(bool))
        {
            yield return (JsonValue.Create("maybe"), "a string");
            yield return (JsonValue.Create(2), "a number");
        }
        else if (inner == typeof(DateOnly))
        {
            yield return (JsonValue.Create("2024-02-30"), "30 February");
            yield return (JsonValue.Create("abc"), "not a date");
            yield return (JsonValue.Create("0001-01-01"), "DateOnly.MinValue");
            yield return (JsonValue.Create("9999-12-31"), "DateOnly.MaxValue");
            yield return (JsonValue.Create(12), "a number");
        }
        else if (inner.IsEnum)
        {
            yield return (JsonValue.Create("Bogus"), "an unknown name");
            yield return (JsonValue.Create(999), "an unknown number");
            yield return (JsonValue.Create(-1), "-1");
        }
        else if (IsDictionary(inner))
        {
            yield return (new JsonObject { ["x"] = 12 }, "a number value");
            yield return (new JsonObject { ["x"] = new JsonObject() }, "an object value");
            yield return (new JsonObject { [new string('k', 10_000)] = Huge }, "a huge key and value");
            var many = new JsonObject();
            for (var i = 0; i < 5000; i++) many[$"k{i}"] = "v";
            yield return (many, "5000 keys");
        }
        else if (ElementType(inner) is { } element)
        {
            yield return (JsonValue.Create("x"), "a string");
            var many = new JsonArray();
            for (var i = 0; i < 2000; i++) many.Add(element == typeof(DateOnly) ? JsonValue.Create(new DateOnly(2024, 1, 1).AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) : element == typeof(Guid) ? JsonValue.Create(Guid.NewGuid()) : null);
            yield return (many, "2000 elements");
        }
    }

    private static void Set(JsonNode? root, string path, JsonNode? value)
    {
        var (parent, key, index) = Locate(root, path);
        if (parent is JsonObject o) o[key!] = value;
        else if (parent is JsonArray a && index < a.Count) a[index] = value;
    }

    private static void Remove(JsonNode? root, string path)
    {
        var (parent, key, _) = Locate(root, path);
        if (parent is JsonObject o) o.Remove(key!);
    }

    private static (JsonNode? Parent, string? Key, int Index) Locate(JsonNode? root, string path)
    {
        var parts = Regex.Matches(path, @"\.([A-Za-z0-9_]+)|\[(\d+)\]").Select(m => m.Groups[1].Success ? (Key: m.Groups[1].Value, Index: -1) : (Key: (string?)null, Index: int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var node = root;
        for (var i = 0; i < parts.Count - 1; i++)
            node = parts[i].Key is { } k ? (node as JsonObject)?[k] : (node as JsonArray) is { } a && parts[i].Index < a.Count ? a[parts[i].Index] : null;
        var last = parts[^1];
        return (node, last.Key, last.Index);
    }

    // ---- The routes, read from the running app --------------------------------------------------------------

    private List<Route> Routes()
    {
        var services = app.HostServices.GetRequiredService<IServiceProviderIsService>();
        var sources = app.HostServices.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => (Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'), Endpoint: e))
            .Where(r => !r.Pattern.StartsWith("/_", StringComparison.Ordinal) && !r.Pattern.Contains("{**", StringComparison.Ordinal) && !r.Pattern.Contains("{*", StringComparison.Ordinal))
            .Where(r => !SessionEnders.Contains(r.Pattern))
            .Where(r => !(r.Pattern.Contains('.') && !r.Pattern.Contains('{'))) // static files
            .GroupBy(r => r.Pattern)
            .Select(g => Describe(g.Key, g.Select(r => r.Endpoint).ToList(), services))
            .OrderBy(r => r.Pattern, StringComparer.Ordinal)
            .ToList();
    }

    private static Route Describe(string pattern, List<RouteEndpoint> endpoints, IServiceProviderIsService services)
    {
        var methods = endpoints.SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Distinct().ToArray();
        var routeNames = endpoints[0].RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var routeValues = new List<Parameter>();
        var query = new List<Parameter>();
        var form = new List<Parameter>();
        Type? body = null;
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is { } component)
            {
                foreach (var property in component.Type.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public))
                {
                    if (property.GetCustomAttribute<SupplyParameterFromQueryAttribute>() is { } fromQuery)
                        query.Add(new Parameter(fromQuery.Name ?? property.Name, property.PropertyType));
                    else if (property.GetCustomAttribute<ParameterAttribute>() is not null && routeNames.Contains(property.Name))
                        routeValues.Add(new Parameter(property.Name, property.PropertyType));
                }

                continue;
            }

            if (endpoint.Metadata.GetMetadata<MethodInfo>() is not { } handler) continue;
            foreach (var parameter in handler.GetParameters())
            {
                var type = parameter.ParameterType;
                if (type == typeof(HttpContext) || type == typeof(HttpRequest) || type == typeof(HttpResponse) || type == typeof(ClaimsPrincipal)
                    || type == typeof(CancellationToken) || type == typeof(IFormFileCollection) || type == typeof(IFormFile) || type == typeof(Stream)
                    || parameter.GetCustomAttribute<FromServicesAttribute>() is not null || services.IsService(type))
                    continue;
                var item = new Parameter(parameter.Name!, type);
                if (routeNames.Contains(parameter.Name!)) routeValues.Add(item);
                else if (parameter.GetCustomAttribute<FromFormAttribute>() is { } fromForm) form.Add(item with { Name = fromForm.Name ?? parameter.Name! });
                else if (IsScalar(type)) query.Add(item);
                else body = type;
            }
        }

        foreach (var name in routeNames.Where(n => !routeValues.Any(r => r.Name.Equals(n, StringComparison.OrdinalIgnoreCase))))
            routeValues.Add(new Parameter(name, pattern.Contains("{" + name + ":guid", StringComparison.OrdinalIgnoreCase) ? typeof(Guid) : typeof(string)));

        return new Route(pattern, methods, routeValues.DistinctBy(r => r.Name.ToLowerInvariant()).ToList(), query.DistinctBy(q => q.Name).ToList(), form, body);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

public sealed class SqliteMalformedInputSweep(SqlitePortalApp app, ITestOutputHelper output) : MalformedInputSweep<SqlitePortalApp>(app, output);

public sealed class PostgresMalformedInputSweep(PostgresPortalApp app, ITestOutputHelper output) : MalformedInputSweep<PostgresPortalApp>(app, output);
