using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Provider;
using System.Security;

namespace Handover.WindowsEngine.Fakes;

/// <summary>
/// A provider named Registry with the HKLM: and HKCU: drives, reading the machine state's keys.
/// It behaves like the real one where the scan can tell: keys are containers with a Property
/// list, Get-ItemProperty returns one object with a note property per value ("(default)" for the
/// unnamed value), a key the user may not open gives "Requested registry access is not allowed."
/// (System.Security.SecurityException, PermissionDenied) for that key only while its siblings are
/// still listed, a key with no values gives no object, and a 32-bit PowerShell on 64-bit Windows
/// sees HKLM\SOFTWARE through WOW64 redirection (HKLM\SOFTWARE\X is HKLM\SOFTWARE\WOW6432Node\X).
/// </summary>
[CmdletProvider("Registry", ProviderCapabilities.ShouldProcess)]
public sealed class FakeRegistryProvider : NavigationCmdletProvider, IPropertyCmdletProvider
{
    private const string AccessDenied = "Requested registry access is not allowed.";

    protected override Collection<PSDriveInfo> InitializeDefaultDrives() =>
    [
        new PSDriveInfo("HKLM", ProviderInfo, "HKEY_LOCAL_MACHINE", "The software settings for the local computer", null),
        new PSDriveInfo("HKCU", ProviderInfo, "HKEY_CURRENT_USER", "The software settings for the current user", null),
    ];

    private static RegistryStore Store => JobContext.Current.State.Registry;

    /// <summary>The key a path names for this process (WOW64 redirection applied).</summary>
    private static RegistryKeyNode? Resolve(string path)
    {
        var normal = RegistryStore.NormalisePath(path);
        if (JobContext.Current.RegistryRedirected)
        {
            const string software = @"HKEY_LOCAL_MACHINE\SOFTWARE";
            if (normal.Equals(software, StringComparison.OrdinalIgnoreCase) ||
                normal.StartsWith(software + "\\", StringComparison.OrdinalIgnoreCase))
            {
                var rest = normal[software.Length..];
                if (!rest.StartsWith(@"\WOW6432Node", StringComparison.OrdinalIgnoreCase))
                    normal = software + @"\WOW6432Node" + rest;
            }
        }
        return Store.Find(normal);
    }

    protected override bool IsValidPath(string path) => !string.IsNullOrEmpty(path);

    // Registry paths use backslashes on every platform (the base class would use '/' on Linux).
    protected override string MakePath(string parent, string child)
    {
        var p = RegistryStore.NormalisePath(parent);
        var c = child.Replace('/', '\\').Trim('\\');
        return p.Length == 0 ? c : c.Length == 0 ? p : p + "\\" + c;
    }

    protected override string GetParentPath(string path, string root)
    {
        var p = RegistryStore.NormalisePath(path);
        var cut = p.LastIndexOf('\\');
        return cut < 0 ? "" : p[..cut];
    }

    protected override string GetChildName(string path)
    {
        var p = RegistryStore.NormalisePath(path);
        return p[(p.LastIndexOf('\\') + 1)..];
    }

    protected override bool ItemExists(string path) => Resolve(path) is not null;

    protected override bool IsItemContainer(string path) => Resolve(path) is not null;

    protected override bool HasChildItems(string path) => Resolve(path) is { Denied: false } key && key.Children.Count > 0;

    private void Denied(string path) =>
        WriteError(new ErrorRecord(new SecurityException(AccessDenied), "System.Security.SecurityException", ErrorCategory.PermissionDenied, path));

    private static PSObject KeyObject(string path, RegistryKeyNode key)
    {
        var o = new PSObject();
        o.TypeNames.Insert(0, "Microsoft.Win32.RegistryKey");
        o.Properties.Add(new PSNoteProperty("Name", RegistryStore.NormalisePath(path)));
        o.Properties.Add(new PSNoteProperty("Property", key.Values.Select(v => v.Key == "" ? "(default)" : v.Key).ToArray()));
        o.Properties.Add(new PSNoteProperty("SubKeyCount", key.Children.Count));
        o.Properties.Add(new PSNoteProperty("ValueCount", key.Values.Count));
        return o;
    }

    /// <summary>The key, or null after reporting why it cannot be opened (absent keys are reported by the engine).</summary>
    private RegistryKeyNode? Open(string path)
    {
        var key = Resolve(path);
        if (key is not { Denied: true }) return key;
        Denied(path);
        return null;
    }

    protected override void GetItem(string path)
    {
        if (Open(path) is { } key) WriteItemObject(KeyObject(path, key), path, true);
    }

    protected override void GetChildItems(string path, bool recurse)
    {
        if (Open(path) is not { } key) return;
        foreach (var child in key.Children.Values)
        {
            var childPath = MakePath(path, child.Name);
            if (child.Denied)
            {
                Denied(childPath);
                continue;
            }
            WriteItemObject(KeyObject(childPath, child), childPath, true);
            if (recurse) GetChildItems(childPath, true);
        }
    }

    protected override void GetChildNames(string path, ReturnContainers returnContainers)
    {
        if (Open(path) is not { } key) return;
        foreach (var child in key.Children.Values) WriteItemObject(child.Name, MakePath(path, child.Name), true);
    }

    public void GetProperty(string path, Collection<string>? providerSpecificPickList)
    {
        if (Open(path) is not { } key) return;
        var result = new PSObject();
        var added = false;
        var wanted = providerSpecificPickList is { Count: > 0 } ? providerSpecificPickList : null;
        foreach (var (name, value) in key.Values)
        {
            var shown = name == "" ? "(default)" : name;
            if (wanted is not null && !wanted.Contains(shown, StringComparer.OrdinalIgnoreCase)) continue;
            result.Properties.Add(new PSNoteProperty(shown, value.Data));
            added = true;
        }
        if (wanted is not null)
        {
            foreach (var name in wanted.Where(n => !key.Values.Any(v => string.Equals(v.Key == "" ? "(default)" : v.Key, n, StringComparison.OrdinalIgnoreCase))))
                WriteError(new ErrorRecord(new PSArgumentException($"Property {name} does not exist at path {RegistryStore.NormalisePath(path)}."), "System.Management.Automation.PSArgumentException", ErrorCategory.InvalidArgument, name));
        }
        if (added) WritePropertyObject(result, path);
    }

    public object? GetPropertyDynamicParameters(string path, Collection<string>? providerSpecificPickList) => null;

    public void SetProperty(string path, PSObject propertyValue) =>
        throw new PSNotSupportedException("the scan never writes to the registry; the engine's registry is read-only");

    public object? SetPropertyDynamicParameters(string path, PSObject propertyValue) => null;

    public void ClearProperty(string path, Collection<string> propertyToClear) =>
        throw new PSNotSupportedException("the scan never writes to the registry; the engine's registry is read-only");

    public object? ClearPropertyDynamicParameters(string path, Collection<string> propertyToClear) => null;
}
