using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PortailFamille.BuildingBlocks.Configuration;

/// <summary>
/// The rules of one options class, each naming its key: « Mail:Delivery:PollSeconds is "-5": expected a number of seconds
/// above 0. » A typo refuses to start instead of falling back silently to a default.
/// </summary>
public sealed class SettingRules<T>
{
    private readonly List<Func<T, string?>> _rules = [];

    /// <summary><paramref name="key"/> is the full configuration key, as an operator would write it.</summary>
    public SettingRules<T> Require<TValue>(string key, Func<T, TValue> value, Func<TValue, bool> valid, string expected)
    {
        _rules.Add(options =>
        {
            var actual = value(options);
            return valid(actual) ? null : Settings.Refusal(key, Convert.ToString(actual, CultureInfo.InvariantCulture), expected);
        });
        return this;
    }

    /// <summary>A rule across keys: <paramref name="valid"/> sees the whole options.</summary>
    public SettingRules<T> Check<TValue>(string key, Func<T, TValue> value, Func<T, bool> valid, string expected)
    {
        _rules.Add(options => valid(options) ? null : Settings.Refusal(key, Convert.ToString(value(options), CultureInfo.InvariantCulture), expected));
        return this;
    }

    public IEnumerable<string> Failures(T options) => _rules.Select(rule => rule(options)).OfType<string>();
}

/// <summary>Typed configuration, bound and checked at start, each refusal naming its key and its value.</summary>
public static class Settings
{
    /// <summary>The one shape of every refusal (also Worker:TransmissionTime's and ForwardedHeaders').</summary>
    public static string Refusal(string key, string? value, string expected) => $"{key} is \"{value}\": expected {expected}.";

    public static OptionsValidationException Refuse<T>(string key, string? value, string expected) =>
        new(key, typeof(T), [Refusal(key, value, expected)]);

    /// <summary>
    /// Reads <paramref name="section"/> into a new <typeparamref name="T"/> now, for what composition needs before the
    /// container exists (Wolverine's options, the database): a value that does not convert or breaks a rule throws.
    /// </summary>
    public static T Read<T>(IConfiguration configuration, string section, SettingRules<T>? rules = null) where T : class, new()
    {
        var options = new T();
        Bind(configuration.GetSection(section), options);
        var failures = rules?.Failures(options).ToList() ?? [];
        if (failures.Count > 0) throw new OptionsValidationException(section, typeof(T), failures);
        return options;
    }

    /// <summary>
    /// Binds <paramref name="section"/> over what earlier Configure calls set (defaults that depend on the environment),
    /// refusing a value that does not convert, then checks <paramref name="rules"/>; all of it when the host starts.
    /// </summary>
    /// <param name="configuration">The configuration to read; by default the container's, when the options are first resolved.</param>
    public static OptionsBuilder<T> BindValidated<T>(this OptionsBuilder<T> builder, string section, SettingRules<T>? rules = null,
        IConfiguration? configuration = null) where T : class
    {
        if (configuration is not null) builder.Configure(options => Bind(configuration.GetSection(section), options));
        else builder.Configure<IConfiguration>((options, container) => Bind(container.GetSection(section), options));
        if (rules is not null) builder.Services.AddSingleton<IValidateOptions<T>>(new RuleValidation<T>(builder.Name, rules));

        return builder.ValidateOnStart();
    }

    /// <summary>ConfigurationBinder's own message names the key but not the value: every value is converted here first.</summary>
    private static void Bind(IConfigurationSection section, object options)
    {
        var failures = new List<string>();
        CheckConversions(section, options.GetType(), failures);
        if (failures.Count > 0) throw new OptionsValidationException(section.Path, options.GetType(), failures);
        section.Bind(options);
    }

    private static void CheckConversions(IConfigurationSection section, Type type, List<string> failures)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0) continue;
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var child = section.GetSection(property.Name);
            if (propertyType == typeof(string)) continue;
            if (IsScalar(propertyType))
            {
                if (!property.CanWrite || child.Value is null) continue;
                if (!Converts(child.Value, propertyType)) failures.Add(Refusal(child.Path, child.Value, Expected(propertyType)));
            }
            else if (propertyType.IsClass && property.CanRead && !typeof(System.Collections.IEnumerable).IsAssignableFrom(propertyType))
            {
                CheckConversions(child, propertyType, failures);
            }
        }
    }

    private static bool IsScalar(Type type) => type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(TimeOnly) || type == typeof(DateOnly) || type == typeof(Uri);

    private static bool Converts(string value, Type type)
    {
        // Enum.Parse would take "5" for any enum: only names are accepted, as an operator writes them.
        if (type.IsEnum) return Enum.GetNames(type).Any(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));
        try
        {
            TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException
                                     || e.InnerException is FormatException or OverflowException)
        {
            return false;
        }
    }

    private static string Expected(Type type) => type switch
    {
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        _ when type == typeof(double) || type == typeof(decimal) || type == typeof(float) => "a number (decimals after a dot)",
        _ when type == typeof(TimeSpan) => "a duration such as 00:05:00",
        _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetNames(type)),
        _ => "a " + type.Name,
    };

    private sealed class RuleValidation<T>(string? name, SettingRules<T> rules) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? optionsName, T options)
        {
            if (name is not null && name != optionsName) return ValidateOptionsResult.Skip;
            var failures = rules.Failures(options).ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
