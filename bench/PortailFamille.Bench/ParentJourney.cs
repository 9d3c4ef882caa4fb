using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PortailFamille.Bench;

/// <summary>A step of the journey the parent saw fail (a 5xx, an unexpected answer or a timeout).</summary>
internal sealed class JourneyFailed(string step, string reason) : Exception($"{step}: {reason}")
{
    public string Step { get; } = step;
}

/// <summary>
/// One parent, one browser session (its own HttpClient and cookie container), through the real HTTP API:
/// sign in, list the children, load the month calendar of the canteen, toggle the month of canteen for
/// each child, read the cart summary, confirm. A 409 "concurrent change" at confirmation is retried as a
/// parent would (twice at most); anything else unexpected fails the journey.
/// </summary>
internal sealed class ParentJourney(Uri baseAddress, CityPlan plan, StepRecorder recorder, TimeSpan timeout)
{
    public const string SignIn = "sign-in (password hash)";
    public const string Children = "children";
    public const string Calendar = "calendar (month, canteen)";
    public const string Cart = "cart: month toggle per child";
    public const string Summary = "cart summary";
    public const string Confirm = "confirm";
    public const string NothingBookable = "families with nothing left to book (canteen and waitlist full)";
    public const string ToldToRetry = "sign-in answers 503 « réessayez dans quelques secondes » (retried after Retry-After)";
    private const int BusyRetries = 6;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task RunAsync(BenchFamily family, CancellationToken ct)
    {
        using var session = await SignInAsync(family, ct);
        await BookAsync(session, family, ct);
    }

    /// <summary>
    /// A new browser session (own cookie container) signed in as the family, « Rester connecté » ticked when
    /// <paramref name="keepSignedIn"/>. A 503 « réessayez dans quelques secondes » is retried after its
    /// Retry-After, as the parent would (counted apart); six in a row fail the journey.
    /// </summary>
    public async Task<HttpClient> SignInAsync(BenchFamily family, CancellationToken ct, bool keepSignedIn = false)
    {
        var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false };
        var client = new HttpClient(handler, disposeHandler: true) { BaseAddress = baseAddress, Timeout = timeout };
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                TimeSpan? retryAfter = null;
                await StepAsync(SignIn, () => client.PostAsJsonAsync("/api/v1/auth/login", new { identifier = family.Identifier, password = CityPlan.Password, rememberMe = keepSignedIn }, ct),
                    body => body.GetProperty("gate").GetString() == "None" ? null : $"gate {body.GetProperty("gate").GetString()}",
                    onBusy: attempt < BusyRetries ? wait => retryAfter = wait : null);
                if (retryAfter is not { } wait) return client;
                recorder.Count(ToldToRetry);
                await Task.Delay(wait, ct);
            }
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>The booking part, signed in: children, calendar, month toggle per child, summary, confirm.</summary>
    public async Task BookAsync(HttpClient client, BenchFamily family, CancellationToken ct)
    {
        var children = new List<Guid>();
        await StepAsync(Children, () => client.GetAsync("/api/v1/children", ct), body =>
        {
            children.AddRange(body.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
            return children.Count == family.Children.Count ? null : $"{children.Count} children listed, {family.Children.Count} expected";
        });

        var (year, month) = plan.RushMonth;
        var canteen = family.School.Canteen.Id;
        await StepAsync(Calendar, () => client.GetAsync(
            string.Create(CultureInfo.InvariantCulture, $"/api/v1/reservations/calendar?childId={children[0]}&activityId={canteen}&year={year}&month={month}"), ct),
            body => body.GetProperty("days").GetArrayLength() >= 28 ? null : "calendar without days");

        var added = 0;
        foreach (var child in children)
        {
            await StepAsync(Cart, () => client.PostAsJsonAsync("/api/v1/reservations/cart/days",
                new { childId = child, activityId = canteen, days = plan.RushMonthDays, scope = "AllLikeTheFirst" }, Json, ct),
                body =>
                {
                    added += body.GetProperty("added").GetInt32();
                    return body.GetProperty("added").GetInt32() > 0 || body.GetProperty("skipped").GetArrayLength() > 0 ? null : "nothing added";
                });
        }

        if (added == 0)
        {
            // Every day shown full with a full waitlist: the parent has nothing to confirm (an answer, not a failure).
            recorder.Count(NothingBookable);
            return;
        }

        await StepAsync(Summary, () => client.GetAsync("/api/v1/reservations/cart/summary", ct), _ => null);

        for (var attempt = 1; ; attempt++)
        {
            var conflict = false;
            await StepAsync(Confirm, () => client.PostAsync("/api/v1/reservations/cart/confirm", null, ct), body =>
            {
                foreach (var line in body.GetProperty("lines").EnumerateArray())
                    recorder.Count("lines " + line.GetProperty("outcome").GetString());
                return null;
            }, onConflict: () => conflict = true);
            if (!conflict) break;
            recorder.Count("confirm conflicts (409, retried)");
            if (attempt == 3) throw new JourneyFailed(Confirm, "409 three times");
        }
    }

    private async Task StepAsync(string step, Func<Task<HttpResponseMessage>> send, Func<JsonElement, string?> check, Action? onConflict = null, Action<TimeSpan>? onBusy = null)
    {
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        string text;
        try
        {
            response = await send();
            text = await response.Content.ReadAsStringAsync();
        }
        catch (Exception ex) when (ex is TaskCanceledException or HttpRequestException or IOException)
        {
            recorder.Record(step, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var reason = ex is TaskCanceledException ? "timeout" : ex.GetType().Name + " " + ex.Message;
            recorder.Error(step, reason);
            throw new JourneyFailed(step, reason);
        }

        using (response)
        {
            recorder.Record(step, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (response.StatusCode == HttpStatusCode.Conflict && onConflict is not null)
            {
                onConflict();
                return;
            }

            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && onBusy is not null && response.Headers.RetryAfter?.Delta is { } delta)
            {
                onBusy(delta);
                return;
            }

            if (!response.IsSuccessStatusCode)
            {
                var reason = $"HTTP {(int)response.StatusCode} {Truncate(text)}";
                recorder.Error(step, reason);
                throw new JourneyFailed(step, reason);
            }

            using var document = JsonDocument.Parse(text);
            if (check(document.RootElement) is { } problem)
            {
                recorder.Error(step, problem);
                throw new JourneyFailed(step, problem);
            }
        }
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300];
}
