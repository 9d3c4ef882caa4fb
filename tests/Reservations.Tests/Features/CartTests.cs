using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Domain;
using PortailFamille.Reservations.Features;
using static PortailFamille.Reservations.Tests.ReservationsDatabase;

namespace PortailFamille.Reservations.Tests.Features;

/// <summary>The cart's slices (ToggleCartDays, CopyCartDays, RemoveCartItem) on a real SQLite database, on Monday 2 September 2024.</summary>
public sealed class CartTests : IAsyncLifetime
{
    private ReservationsDatabase _database = default!;

    private static DateOnly Sept(int day) => new(2024, 9, day);

    public async Task InitializeAsync() => _database = await CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<CartChange> ToggleAsync(Guid child, Activity activity, ToggleScope scope, params DateOnly[] days)
    {
        await using var db = _database.NewContext();
        return (await new ToggleCartDaysHandler(db, _database.Data(db), _database.Clock)
            .Handle(new ToggleCartDays(Family, child, activity.Id, days, scope), default)).ValueOrThrow();
    }

    private async Task<PortailFamille.BuildingBlocks.Results.Result<CartChange>> CopyAsync(Guid fromChild, Activity fromActivity, Guid toChild, Activity toActivity)
    {
        await using var db = _database.NewContext();
        return await new CopyCartDaysHandler(db, _database.Data(db), _database.Clock)
            .Handle(new CopyCartDays(Family, fromChild, fromActivity.Id, toChild, toActivity.Id), default);
    }

    [Fact]
    public async Task Each_day_goes_into_the_cart_and_a_second_tap_takes_it_out()
    {
        var added = await ToggleAsync(Amalia.Id, _database.Canteen, ToggleScope.EachDay, Sept(12), Sept(13));
        Assert.Equal((2, 0, 0), (added.Added, added.Removed, added.Skipped.Count));

        var removed = await ToggleAsync(Amalia.Id, _database.Canteen, ToggleScope.EachDay, Sept(12));
        Assert.Equal((0, 1), (removed.Added, removed.Removed));
        Assert.Equal([Sept(13)], (await _database.CartAsync()).Select(c => c.Day));
    }

    [Fact]
    public async Task A_canteen_day_less_than_three_days_ahead_is_skipped_with_its_deadline()
    {
        // Tuesday 3 September closed on Saturday 31 August; Thursday 5 September is open until today.
        var change = await ToggleAsync(Amalia.Id, _database.Canteen, ToggleScope.EachDay, Sept(3), Sept(5));
        Assert.Equal(1, change.Added);
        var skipped = Assert.Single(change.Skipped);
        Assert.Equal((Sept(3), DayReason.DeadlinePassed), (skipped.Day, skipped.ReasonCode));
    }

    [Fact]
    public async Task The_whole_month_toggle_books_every_open_canteen_day_then_a_second_one_empties_it()
    {
        var month = Enumerable.Range(1, 30).Select(Sept).ToArray();
        var booked = await ToggleAsync(Amalia.Id, _database.Canteen, ToggleScope.AllLikeTheFirst, month);
        // 17 canteen days in September 2024; the 2nd and 3rd are past their deadline. Wednesdays and weekends are not reported.
        Assert.Equal(15, booked.Added);
        Assert.Equal([(Sept(2), DayReason.DeadlinePassed), (Sept(3), DayReason.DeadlinePassed)], booked.Skipped.Select(s => (s.Day, s.ReasonCode)));

        var emptied = await ToggleAsync(Amalia.Id, _database.Canteen, ToggleScope.AllLikeTheFirst, month);
        Assert.Equal((0, 15), (emptied.Added, emptied.Removed));
        Assert.Empty(await _database.CartAsync());
    }

    [Fact]
    public async Task A_four_year_old_is_refused_the_seven_to_eleven_centre_with_the_reason()
    {
        var change = await ToggleAsync(Paolo.Id, _database.Mercredi, ToggleScope.EachDay, Sept(11));
        Assert.Equal(0, change.Added);
        Assert.Equal(DayReason.ChildAge, Assert.Single(change.Skipped).ReasonCode);
    }

    [Fact]
    public async Task A_day_the_other_parent_booked_is_skipped_for_that_reason()
    {
        var otherParent = Guid.NewGuid();
        await _database.AddAsync(Booking.Record(otherParent, Amalia.Id, _database.Canteen.Id, Sept(12), LineOutcome.Accepted, null, null, null, Guid.NewGuid(), _database.Clock.GetUtcNow()));

        var change = await ToggleAsync(Amalia.Id, _database.Canteen, ToggleScope.EachDay, Sept(12), Sept(13));
        Assert.Equal(1, change.Added);
        Assert.Equal((Sept(12), DayReason.TakenByOtherParent), (change.Skipped.Single().Day, change.Skipped.Single().ReasonCode));
    }

    [Fact]
    public async Task A_child_of_another_family_is_not_found()
    {
        await using var db = _database.NewContext();
        var result = await new ToggleCartDaysHandler(db, _database.Data(db), _database.Clock)
            .Handle(new ToggleCartDays(Guid.NewGuid(), Amalia.Id, _database.Canteen.Id, [Sept(12)], ToggleScope.EachDay), default);
        Assert.Equal("reservations.child_not_found", result.Error?.Code);
        Assert.Empty(await _database.CartAsync());
    }

    [Fact]
    public async Task Removing_a_cart_line_takes_it_out_and_removing_it_again_says_it_is_gone()
    {
        await ToggleAsync(Amalia.Id, _database.Canteen, ToggleScope.EachDay, Sept(12), Sept(13));
        var line = (await _database.CartAsync()).First();

        await using (var db = _database.NewContext())
            Assert.True((await new RemoveCartItemHandler(db).Handle(new RemoveCartItem(Family, line.Id), default)).IsSuccess);
        await using (var db = _database.NewContext())
            Assert.Equal("reservations.cart_item_not_found", (await new RemoveCartItemHandler(db).Handle(new RemoveCartItem(Family, line.Id), default)).Error?.Code);
        Assert.Equal([Sept(13)], (await _database.CartAsync()).Select(c => c.Day));
    }

    [Fact]
    public async Task Another_family_cannot_remove_a_line_of_this_cart()
    {
        await ToggleAsync(Amalia.Id, _database.Canteen, ToggleScope.EachDay, Sept(12));
        var line = Assert.Single(await _database.CartAsync());
        await using var db = _database.NewContext();
        Assert.Equal("reservations.cart_item_not_found", (await new RemoveCartItemHandler(db).Handle(new RemoveCartItem(Guid.NewGuid(), line.Id), default)).Error?.Code);
        Assert.Single(await _database.CartAsync());
    }

    [Fact]
    public async Task Copying_nothing_or_onto_itself_is_refused_with_its_own_code()
    {
        Assert.Equal("reservations.nothing_to_copy", (await CopyAsync(Amalia.Id, _database.Canteen, Paolo.Id, _database.Canteen)).Error?.Code);

        await ToggleAsync(Amalia.Id, _database.Canteen, ToggleScope.EachDay, Sept(12));
        Assert.Equal("reservations.copy_to_itself", (await CopyAsync(Amalia.Id, _database.Canteen, Amalia.Id, _database.Canteen)).Error?.Code);
        Assert.Single(await _database.CartAsync());
    }

    [Fact]
    public async Task Copying_to_a_brother_books_his_days_and_lists_those_he_cannot_have()
    {
        await ToggleAsync(Amalia.Id, _database.Canteen, ToggleScope.EachDay, Sept(12), Sept(13));
        await ToggleAsync(Amalia.Id, _database.Mercredi, ToggleScope.EachDay, Sept(11), Sept(18));

        var canteen = (await CopyAsync(Amalia.Id, _database.Canteen, Paolo.Id, _database.Canteen)).ValueOrThrow();
        Assert.Equal((2, 0), (canteen.Added, canteen.Skipped.Count));

        var centre = (await CopyAsync(Amalia.Id, _database.Mercredi, Paolo.Id, _database.Mercredi)).ValueOrThrow();
        Assert.Equal(0, centre.Added);
        Assert.Equal([DayReason.ChildAge, DayReason.ChildAge], centre.Skipped.Select(s => s.ReasonCode));
        Assert.Equal(6, (await _database.CartAsync()).Count);
    }
}
