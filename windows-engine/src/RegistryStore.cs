using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Handover.WindowsEngine;

/// <summary>A registry value as the state holds it, and what the real provider hands PowerShell for it.</summary>
public sealed record RegistryValue(string Kind, object? Data);

public sealed class RegistryKeyNode
{
    public RegistryKeyNode(string path) => Path = path;
    /// <summary>"HKEY_LOCAL_MACHINE\SOFTWARE\…", as RegistryKey.Name spells it.</summary>
    public string Path { get; }
    public string Name => Path[(Path.LastIndexOf('\\') + 1)..];
    public SortedDictionary<string, RegistryKeyNode> Children { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Values in the order the state lists them ("" is the default value).</summary>
    public List<KeyValuePair<string, RegistryValue>> Values { get; } = new();
    /// <summary>The scanning user may not open this key: "Requested registry access is not allowed."</summary>
    public bool Denied { get; set; }
}

/// <summary>
/// The fake registry: keys by full path, parents made implicitly (a key the state names exists,
/// and so does every key above it). Value kinds follow Microsoft.Win32.RegistryValueKind and the
/// real provider's conversions: REG_DWORD arrives as a signed Int32, REG_QWORD as Int64,
/// REG_EXPAND_SZ expanded, REG_MULTI_SZ as string[], REG_BINARY and REG_NONE as byte[].
/// </summary>
public sealed class RegistryStore
{
    private readonly Dictionary<string, RegistryKeyNode> keys = new(StringComparer.OrdinalIgnoreCase);

    public RegistryStore()
    {
        Ensure("HKEY_LOCAL_MACHINE");
        Ensure("HKEY_CURRENT_USER");
    }

    public static string NormalisePath(string path)
    {
        var p = path.Replace('/', '\\').Trim('\\');
        p = Regex.Replace(p, @"^(Registry::|Microsoft\.PowerShell\.Core\\Registry::)", "", RegexOptions.IgnoreCase);
        p = Regex.Replace(p, @"^HKLM:?(?=\\|$)", "HKEY_LOCAL_MACHINE", RegexOptions.IgnoreCase);
        p = Regex.Replace(p, @"^HKCU:?(?=\\|$)", "HKEY_CURRENT_USER", RegexOptions.IgnoreCase);
        return Regex.Replace(p, @"\\+", "\\");
    }

    public RegistryKeyNode? Find(string path) => keys.GetValueOrDefault(NormalisePath(path));

    private RegistryKeyNode Ensure(string path)
    {
        if (keys.TryGetValue(path, out var node)) return node;
        node = new RegistryKeyNode(path);
        keys[path] = node;
        var cut = path.LastIndexOf('\\');
        if (cut > 0) Ensure(path[..cut]).Children[node.Name] = node;
        return node;
    }

    public void AddKey(string path, JsonElement spec, IReadOnlyDictionary<string, string> environment)
    {
        var node = Ensure(NormalisePath(path));
        if (spec.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"registry key {path}: expected an object");
        if (spec.TryGetProperty("denied", out var denied) && denied.ValueKind == JsonValueKind.True) node.Denied = true;
        if (!spec.TryGetProperty("values", out var values)) return;
        foreach (var value in values.EnumerateObject())
        {
            var name = value.Name == "(default)" ? "" : value.Name;
            node.Values.Add(new(name, ReadValue($"{path}\\{value.Name}", value.Value, environment)));
        }
    }

    private static RegistryValue ReadValue(string where, JsonElement v, IReadOnlyDictionary<string, string> environment)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.String:
                return new("String", v.GetString());
            case JsonValueKind.Number:
                return new("DWord", Dword(where, v));
            case JsonValueKind.Array:
                return new("MultiString", v.EnumerateArray().Select(s => s.GetString() ?? "").ToArray());
            case JsonValueKind.Object:
            {
                var kind = v.GetProperty("kind").GetString() ?? throw new InvalidDataException($"{where}: no kind");
                v.TryGetProperty("value", out var data);
                return kind switch
                {
                    "String" => new("String", data.GetString()),
                    "ExpandString" => new("ExpandString", Expand(data.GetString() ?? "", environment)),
                    "MultiString" => new("MultiString", data.EnumerateArray().Select(s => s.GetString() ?? "").ToArray()),
                    "DWord" => new("DWord", Dword(where, data)),
                    "QWord" => new("QWord", unchecked((long)data.GetUInt64())),
                    "Binary" or "None" => new(kind, Convert.FromHexString(v.GetProperty("hex").GetString() ?? "")),
                    _ => throw new InvalidDataException($"{where}: unknown value kind {kind}"),
                };
            }
            default:
                throw new InvalidDataException($"{where}: unsupported value {v}");
        }
    }

    /// <summary>A DWORD is written unsigned in the state (as regedit shows it) and arrives signed, as RegistryKey.GetValue returns it.</summary>
    private static int Dword(string where, JsonElement v)
    {
        if (v.TryGetUInt32(out var u)) return unchecked((int)u);
        if (v.TryGetInt32(out var i)) return i;
        throw new InvalidDataException($"{where}: {v} does not fit a DWORD");
    }

    /// <summary>REG_EXPAND_SZ as the provider returns it: %NAME% replaced from the environment, unknown names left as they are.</summary>
    private static string Expand(string text, IReadOnlyDictionary<string, string> environment) =>
        Regex.Replace(text, "%([^%]+)%", m => environment.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    public static string Describe(object? data) => data switch
    {
        null => "null",
        byte[] bytes => Convert.ToHexString(bytes),
        string[] strings => string.Join("|", strings),
        _ => Convert.ToString(data, CultureInfo.InvariantCulture) ?? "",
    };
}
