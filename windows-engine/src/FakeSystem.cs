using System.Management.Automation;
using System.Text.Json;

namespace Handover.WindowsEngine.Fakes;

/// <summary>Helpers shared by the fakes that answer from a list or a single value of the state.</summary>
internal static class StateAnswers
{
    /// <summary>
    /// An answer object. The real type's name is kept only as a comment: naming it would bring in
    /// that type's extended type data (ServiceController's Name alias, Process's Path script
    /// property), which expects the real .NET object underneath.
    /// </summary>
    public static PSObject Object(string typeName, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        var o = new PSObject();
        o.TypeNames.Insert(0, $"Handover.WindowsEngine.Fake#{typeName}");
        foreach (var (name, value) in properties) o.Properties.Add(new PSNoteProperty(name, value));
        return o;
    }

    /// <summary>A fault of the state as the terminating error the real cmdlet throws.</summary>
    public static void ThrowIfFault(PSCmdlet cmdlet, JsonElement? spec)
    {
        if (Fault.From(spec) is not { } fault) return;
        var hresult = fault.HResult is { } h ? unchecked((int)Convert.ToUInt32(h, 16)) : unchecked((int)0x80004005);
        var exception = new InvalidOperationException(fault.Message ?? "The operation failed.") { HResult = hresult };
        cmdlet.ThrowTerminatingError(new ErrorRecord(exception, fault.Kind, Enum.Parse<ErrorCategory>(fault.Category ?? "NotSpecified"), null));
    }

    /// <summary>The state's text for a single-valued primitive (a culture name, a zone id), or its fault thrown.</summary>
    public static string TextOrFault(PSCmdlet cmdlet, JsonElement? spec, string fallback)
    {
        ThrowIfFault(cmdlet, spec);
        return spec is { ValueKind: JsonValueKind.String } s ? s.GetString()! : fallback;
    }

    /// <summary>Rows of the state, or rows derived from a CIM class of the state (the same machine seen by another API).</summary>
    public static IEnumerable<JsonElement> Rows(JsonElement? explicitRows, MachineState state, string cimKey)
    {
        if (explicitRows is { ValueKind: JsonValueKind.Array } rows) return rows.EnumerateArray();
        if (state.CimClasses.TryGetValue(cimKey, out var cim) && cim.ValueKind == JsonValueKind.Array) return cim.EnumerateArray();
        if (state.CimClasses.TryGetValue(cimKey, out var repeated) && repeated.ValueKind == JsonValueKind.Object && repeated.TryGetProperty("repeat", out var n))
            return Enumerable.Repeat(repeated.GetProperty("instance"), n.GetInt32());
        return [];
    }

    public static string? Text(JsonElement row, string name) =>
        row.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

/// <summary>
/// Get-Service (the Service Control Manager, not WMI): Name, DisplayName, Status, StartType as
/// the real ServiceController shows them ('Running', 'Automatic'). Rows come from the state's
/// "services" list or, when there is none, from its Win32_Service instances (State 'Running' →
/// Status, StartMode 'Auto' → StartType 'Automatic').
/// </summary>
[Cmdlet(VerbsCommon.Get, "Service")]
public sealed class GetServiceCommand : PSCmdlet
{
    [Parameter(Position = 0)]
    [Alias("ServiceName")]
    public string[]? Name { get; set; }

    protected override void ProcessRecord()
    {
        var state = JobContext.Current.State;
        if (state.Services is { ValueKind: JsonValueKind.Object } faulty) StateAnswers.ThrowIfFault(this, faulty);
        foreach (var row in StateAnswers.Rows(state.Services, state, "root/cimv2:Win32_Service"))
        {
            var name = StateAnswers.Text(row, "Name");
            if (Name is not null && !Name.Contains(name, StringComparer.OrdinalIgnoreCase)) continue;
            var startMode = StateAnswers.Text(row, "StartType") ?? StateAnswers.Text(row, "StartMode") switch
            {
                "Auto" => "Automatic",
                null => null,
                var other => other,
            };
            WriteObject(StateAnswers.Object("System.ServiceProcess.ServiceController", [
                new("Name", name),
                new("DisplayName", StateAnswers.Text(row, "DisplayName")),
                new("Status", StateAnswers.Text(row, "Status") ?? StateAnswers.Text(row, "State")),
                new("StartType", startMode),
            ]));
        }
    }
}

/// <summary>
/// Get-Process: ProcessName (no extension), Id, Path. Rows from the state's "processes" list or
/// its Win32_Process instances (Name 'avp.exe' → ProcessName 'avp', ExecutablePath → Path).
/// </summary>
[Cmdlet(VerbsCommon.Get, "Process")]
public sealed class GetProcessCommand : PSCmdlet
{
    protected override void ProcessRecord()
    {
        var state = JobContext.Current.State;
        if (state.Processes is { ValueKind: JsonValueKind.Object } faulty) StateAnswers.ThrowIfFault(this, faulty);
        foreach (var row in StateAnswers.Rows(state.Processes, state, "root/cimv2:Win32_Process"))
        {
            var name = StateAnswers.Text(row, "ProcessName") ?? StateAnswers.Text(row, "Name") ?? "";
            if (name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase)) name = name[..^4];
            uint? id = row.TryGetProperty("Id", out var i) ? i.GetUInt32() : row.TryGetProperty("ProcessId", out var p) ? p.GetUInt32() : null;
            WriteObject(StateAnswers.Object("System.Diagnostics.Process", [
                new("ProcessName", name),
                new("Name", name),
                new("Id", id),
                new("Path", StateAnswers.Text(row, "Path") ?? StateAnswers.Text(row, "ExecutablePath")),
            ]));
        }
    }
}

/// <summary>Get-Culture: the format culture (Name, LCID, DisplayName); the state gives its name ("de-DE", default "en-US").</summary>
[Cmdlet(VerbsCommon.Get, "Culture")]
public sealed class GetCultureCommand : PSCmdlet
{
    protected override void ProcessRecord()
    {
        var name = StateAnswers.TextOrFault(this, JobContext.Current.State.Culture, "en-US");
        WriteObject(StateAnswers.Object("System.Globalization.CultureInfo", [new("Name", name), new("DisplayName", name)]));
    }
}

/// <summary>Get-TimeZone: Id is the Windows zone id ("Eastern Standard Time"); default "UTC".</summary>
[Cmdlet(VerbsCommon.Get, "TimeZone")]
public sealed class GetTimeZoneCommand : PSCmdlet
{
    protected override void ProcessRecord()
    {
        var id = StateAnswers.TextOrFault(this, JobContext.Current.State.TimeZone, "UTC");
        WriteObject(StateAnswers.Object("System.TimeZoneInfo", [new("Id", id), new("StandardName", id), new("DisplayName", id)]));
    }
}

/// <summary>
/// Get-WinHomeLocation (International module, Windows 8 / Server 2012 and later): GeoId and
/// HomeLocation. The state's "homeLocation": {"GeoId": 244, "HomeLocation": "United States"};
/// null removes the command (Windows 7).
/// </summary>
[Cmdlet(VerbsCommon.Get, "WinHomeLocation")]
public sealed class GetWinHomeLocationCommand : PSCmdlet
{
    protected override void ProcessRecord()
    {
        var spec = JobContext.Current.State.HomeLocation;
        StateAnswers.ThrowIfFault(this, spec);
        var geoId = spec is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("GeoId", out var g) ? g.GetInt32() : 244;
        var name = spec is { ValueKind: JsonValueKind.Object } o2 && o2.TryGetProperty("HomeLocation", out var h) ? h.GetString() : "United States";
        WriteObject(StateAnswers.Object("Microsoft.InternationalSettings.Commands.GeoId", [new("GeoId", geoId), new("HomeLocation", name)]));
    }
}
