using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PortailFamille.BuildingBlocks.Time;
using PortailFamille.Reservations.Contracts;

namespace PortailFamille.Worker.Jobs;

/// <summary>
/// Transmits the day's lines every night at Worker:TransmissionTime (Europe/Paris, default 01:00), then
/// purges the password links that stopped working more than a week ago.
/// Several workers may run it at once: each line is claimed by one run only.
/// </summary>
internal sealed class NightlyTransmission(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<NightlyTransmission> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var at = TimeOnly.TryParse(configuration["Worker:TransmissionTime"], System.Globalization.CultureInfo.InvariantCulture, out var t) ? t : new TimeOnly(1, 0);
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = NextRun(clock.GetUtcNow(), at) - clock.GetUtcNow();
            logger.LogInformation("Next transmission in {Delay}", delay);
            await Task.Delay(delay, clock, stoppingToken);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sender = scope.ServiceProvider.GetRequiredService<ISender>();
                var run = await sender.Send(new TransmitPendingLines(), stoppingToken);
                logger.LogInformation("Transmission done: {Lines} lines of {Families} families", run.Lines, run.Families);
                var purged = await sender.Send(new PortailFamille.Accounts.Contracts.PurgePasswordLinks(), stoppingToken);
                logger.LogInformation("{Count} dead password links purged", purged);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Tomorrow's run (or staff on demand) transmits what this one could not: nothing is half done.
                logger.LogError(ex, "Nightly transmission failed");
            }
        }
    }

    /// <summary>The next time it is <paramref name="at"/> in Paris, strictly after now (daylight saving included).</summary>
    internal static DateTimeOffset NextRun(DateTimeOffset now, TimeOnly at)
    {
        var paris = now.ToParis();
        for (var day = DateOnly.FromDateTime(paris.DateTime); ; day = day.AddDays(1))
        {
            var local = day.ToDateTime(at);
            if (ParisTime.Zone.IsInvalidTime(local)) local = local.AddHours(1); // skipped by the spring change
            var instant = new DateTimeOffset(local, ParisTime.Zone.GetUtcOffset(local));
            if (instant > now) return instant;
        }
    }
}
