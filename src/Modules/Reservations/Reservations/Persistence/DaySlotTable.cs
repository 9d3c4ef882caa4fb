using Microsoft.EntityFrameworkCore;
using PortailFamille.Reservations.Domain;

namespace PortailFamille.Reservations.Persistence;

/// <summary>The day slots' table and column names as the model maps them (a schema on PostgreSQL, a module prefix on SQLite), quoted for raw SQL.</summary>
internal sealed class DaySlotTable
{
    private readonly Microsoft.EntityFrameworkCore.Metadata.IEntityType _entity;
    private readonly Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier _table;

    public DaySlotTable(ReservationsDbContext db)
    {
        _entity = db.Model.FindEntityType(typeof(DaySlot))!;
        _table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(_entity.GetTableName()!, _entity.GetSchema());
        Name = _table.Schema is { } schema ? $"\"{schema}\".\"{_table.Name}\"" : $"\"{_table.Name}\"";
    }

    public string Name { get; }

    public Microsoft.EntityFrameworkCore.Metadata.IProperty Property(string name) => _entity.FindProperty(name)!;

    public string Column(Microsoft.EntityFrameworkCore.Metadata.IProperty property) => $"\"{property.GetColumnName(_table)}\"";
}
