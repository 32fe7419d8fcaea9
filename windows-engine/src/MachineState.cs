using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Handover.WindowsEngine;

/// <summary>
/// A fake Windows machine, written as data (the format is in README.md). The fakes read it; the
/// engine itself never sees it.
/// </summary>
public sealed class MachineState
{
    public string Description { get; private init; } = "";
    public string LanguageMode { get; private init; } = "FullLanguage";
    public int ConsoleCodePage { get; private init; } = 437;
    /// <summary>The architecture of Windows ("AMD64", "x86", "ARM64").</summary>
    public string WindowsArchitecture { get; private init; } = "AMD64";
    /// <summary>When set, PowerShell runs as this bitness whatever the caller starts (32 or 64).</summary>
    public int? PowerShellBitnessOverride { get; private init; }
    public Dictionary<string, string> Environment { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, JsonElement> CimClasses { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, JsonElement> CimNamespaces { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, JsonElement> CimMethods { get; } = new(StringComparer.OrdinalIgnoreCase);
    public RegistryStore Registry { get; } = new();
    public JsonElement? Services { get; private init; }
    public JsonElement? Processes { get; private init; }
    public JsonElement? Culture { get; private init; }
    public JsonElement? TimeZone { get; private init; }
    /// <summary>Absent (undefined) means the default; JSON null means Get-WinHomeLocation does not exist (Windows 7).</summary>
    public JsonElement? HomeLocation { get; private init; }
    public bool HomeLocationCommandMissing { get; private init; }

    public static MachineState FromJson(JsonElement root)
    {
        JsonElement? Get(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v : null;
        var ps = Get(root, "powershell");
        var windows = Get(root, "windows");
        var homeLocation = Get(root, "homeLocation");
        var state = new MachineState
        {
            Description = Get(root, "description")?.GetString() ?? "",
            LanguageMode = ps is { } p && Get(p, "languageMode") is { } lm ? lm.GetString()! : "FullLanguage",
            ConsoleCodePage = ps is { } p2 && Get(p2, "consoleCodePage") is { } cp ? cp.GetInt32() : 437,
            PowerShellBitnessOverride = ps is { } p3 && Get(p3, "bitness") is { } b ? b.GetInt32() : null,
            WindowsArchitecture = windows is { } w && Get(w, "architecture") is { } a ? a.GetString()! : "AMD64",
            Services = Get(root, "services"),
            Processes = Get(root, "processes"),
            Culture = Get(root, "culture"),
            TimeZone = Get(root, "timeZone"),
            HomeLocation = homeLocation is { ValueKind: not JsonValueKind.Null } ? homeLocation : null,
            HomeLocationCommandMissing = homeLocation is { ValueKind: JsonValueKind.Null },
        };
        state.Environment["SystemRoot"] = @"C:\Windows";
        state.Environment["windir"] = @"C:\Windows";
        state.Environment["SystemDrive"] = "C:";
        state.Environment["ProgramFiles"] = @"C:\Program Files";
        state.Environment["ProgramData"] = @"C:\ProgramData";
        state.Environment["COMPUTERNAME"] = "HOST-1";
        if (Get(root, "env") is { ValueKind: JsonValueKind.Object } env)
            foreach (var property in env.EnumerateObject()) state.Environment[property.Name] = property.Value.GetString() ?? "";
        if (Get(root, "cim") is { ValueKind: JsonValueKind.Object } cim)
        {
            if (Get(cim, "classes") is { ValueKind: JsonValueKind.Object } classes)
                foreach (var c in classes.EnumerateObject()) state.CimClasses[NormaliseCimKey(c.Name)] = c.Value.Clone();
            if (Get(cim, "namespaces") is { ValueKind: JsonValueKind.Object } namespaces)
                foreach (var n in namespaces.EnumerateObject()) state.CimNamespaces[NormaliseNamespace(n.Name)] = n.Value.Clone();
            if (Get(cim, "methods") is { ValueKind: JsonValueKind.Object } methods)
                foreach (var m in methods.EnumerateObject()) state.CimMethods[NormaliseCimKey(m.Name)] = m.Value.Clone();
        }
        if (Get(root, "registry") is { ValueKind: JsonValueKind.Object } registry)
            foreach (var key in registry.EnumerateObject()) state.Registry.AddKey(key.Name, key.Value, state.Environment);
        return state;
    }

    public static string NormaliseNamespace(string ns) => ns.Replace('\\', '/').Trim('/').ToLowerInvariant();

    /// <summary>"root\SecurityCenter2:AntiVirusProduct" → "root/securitycenter2:AntiVirusProduct" (class names compare case-insensitively).</summary>
    public static string NormaliseCimKey(string key)
    {
        var colon = key.IndexOf(':');
        return colon < 0 ? key : $"{NormaliseNamespace(key[..colon])}:{key[(colon + 1)..]}";
    }

    public bool Is64BitWindows => !string.Equals(WindowsArchitecture, "x86", StringComparison.OrdinalIgnoreCase);

    private static readonly Regex CimDatetime = new(@"^(\d{14})\.(\d{6})([+-])(\d{3})$");

    /// <summary>
    /// A JSON value of a CIM property → the .NET value a CimInstance property holds: integers as
    /// UInt32 (WMI's usual uint32) or wider, CIM datetime text as DateTime (MI converts datetime
    /// properties), {"$datetime": ISO} explicitly; everything else as its JSON kind.
    /// </summary>
    public static object? CimValue(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return null;
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number:
                if (value.TryGetUInt32(out var u)) return u;
                if (value.TryGetUInt64(out var ul)) return ul;
                if (value.TryGetInt32(out var i)) return i;
                if (value.TryGetInt64(out var l)) return l;
                return value.GetDouble();
            case JsonValueKind.String:
            {
                var text = value.GetString()!;
                var m = CimDatetime.Match(text);
                if (m.Success)
                {
                    var local = DateTime.ParseExact(m.Groups[1].Value, "yyyyMMddHHmmss", CultureInfo.InvariantCulture)
                        .AddTicks(long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) * 10);
                    var offsetMinutes = int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture) * (m.Groups[3].Value == "-" ? -1 : 1);
                    return DateTime.SpecifyKind(local.AddMinutes(-offsetMinutes), DateTimeKind.Utc);
                }
                return text;
            }
            case JsonValueKind.Array:
                return value.EnumerateArray().Select(CimValue).ToArray();
            case JsonValueKind.Object:
                if (value.TryGetProperty("$datetime", out var iso))
                    return DateTime.Parse(iso.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
                throw new InvalidDataException($"a CIM property value cannot be an object: {value}");
            default:
                throw new InvalidDataException($"unexpected JSON value {value}");
        }
    }
}

/// <summary>What a fake does instead of answering: the error Windows gives, or a hang.</summary>
public sealed record Fault(string Kind, string? Message, string? HResult, string? Category)
{
    public static Fault? From(JsonElement? element)
    {
        if (element is not { ValueKind: JsonValueKind.Object } e || !e.TryGetProperty("fault", out var f)) return null;
        string? S(string name) => f.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new Fault(S("kind") ?? "error", S("message"), S("hresult"), S("category"));
    }
}
