using Microsoft.Extensions.Configuration;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Features;
using static PortailFamille.Reservations.Tests.ReservationsDatabase;

namespace PortailFamille.Reservations.Tests.Features;

/// <summary>Staff slices on the catalogue (CreateActivity, CreateBookingPeriod), on a real SQLite database.</summary>
public sealed class StaffCatalogTests : IAsyncLifetime
{
    private ReservationsDatabase _database = default!;

    public async Task InitializeAsync() => _database = await CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<PortailFamille.BuildingBlocks.Results.Result<Guid>> CreatePeriodAsync(BookingPeriodKind kind, DateOnly opens, DateOnly starts, DateOnly ends)
    {
        await using var db = _database.NewContext();
        return await new CreateBookingPeriodHandler(db, _database.Clock, new BookingRulesCache(_database.Clock, Microsoft.Extensions.Options.Options.Create(new ReservationsOptions())))
            .Handle(new CreateBookingPeriod(Structure, "PÉRIODE 2", kind, opens, starts, ends), default);
    }

    [Fact]
    public async Task A_second_activity_with_the_same_code_in_the_structure_is_refused()
    {
        await using var db = _database.NewContext();
        var result = await new CreateActivityHandler(db, _database.Clock).Handle(new CreateActivity(Structure, "RESTAURATION", "Cantine bis",
            ActivityKind.Canteen, DayPart.FullDay, "RESTAURATION", null, 0, null, null, "1,2,4,5", null, null), default);
        Assert.Equal("reservations.activity_code_taken", result.Error?.Code);
    }

    [Fact]
    public async Task The_same_code_in_another_structure_is_accepted()
    {
        await using var db = _database.NewContext();
        var result = await new CreateActivityHandler(db, _database.Clock).Handle(new CreateActivity(Guid.NewGuid(), "RESTAURATION", "RESTAURATION",
            ActivityKind.Canteen, DayPart.FullDay, "RESTAURATION", null, 0, null, null, "1,2,4,5", null, null), default);
        Assert.True(result.IsSuccess);
    }

    [Fact]
    public async Task A_school_time_period_overlapping_periode_1_is_refused_and_the_next_one_is_accepted()
    {
        // PÉRIODE 1 runs 2 September – 18 October 2024; PÉRIODE 2 of the guide starts on 4 November.
        var overlapping = await CreatePeriodAsync(BookingPeriodKind.SchoolTime, new DateOnly(2024, 9, 1), new DateOnly(2024, 10, 14), new DateOnly(2024, 12, 20));
        Assert.Equal("reservations.period_overlaps", overlapping.Error?.Code);

        var next = await CreatePeriodAsync(BookingPeriodKind.SchoolTime, new DateOnly(2024, 10, 18), new DateOnly(2024, 11, 4), new DateOnly(2025, 1, 3));
        Assert.True(next.IsSuccess);
    }

    [Fact]
    public async Task A_holiday_period_may_cover_school_time_days_of_another_kind()
    {
        var toussaint = await CreatePeriodAsync(BookingPeriodKind.Holidays, new DateOnly(2024, 8, 19), new DateOnly(2024, 10, 14), new DateOnly(2024, 10, 31));
        Assert.True(toussaint.IsSuccess);
    }
}
