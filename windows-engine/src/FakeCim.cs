using System.Globalization;
using System.Management.Automation;
using System.Text.Json;

using Handover.WindowsEngine;

// The fakes carry the real cmdlets' type names, because PowerShell appends the implementing type
// to every error id: "HRESULT 0x8004100e,Microsoft.Management.Infrastructure.CimCmdlets.
// GetCimInstanceCommand" is what a script sees on Windows (the CimCmdlets assembly does not exist
// on Linux, so nothing clashes).
namespace Microsoft.Management.Infrastructure.CimCmdlets;

/// <summary>
/// Stands in for Microsoft.Management.Infrastructure.CimException in error records, so that a
/// record reads as the real one: CategoryInfo "... [Get-CimInstance], CimException", the HRESULT
/// in Exception.HResult and in FullyQualifiedErrorId ("HRESULT 0x8004100e,Microsoft.Management.
/// Infrastructure.CimCmdlets.GetCimInstanceCommand", fixture winserver2019-invalid-namespace-powershell).
/// </summary>
public sealed class CimException : Exception
{
    public CimException(string message, int hresult) : base(message) => HResult = hresult;
}

/// <summary>The errors the fakes give, with Windows' own texts and codes.</summary>
internal static class CimErrors
{
    // WBEM_E_INVALID_NAMESPACE / WBEM_E_INVALID_CLASS / WBEM_E_ACCESS_DENIED, as Get-CimInstance
    // prints them (message followed by a space): fixture winserver2019-invalid-namespace-powershell
    // [S12]; Microsoft Learn, "WMI Error Constants".
    private static readonly Dictionary<string, (string Message, string HResult, ErrorCategory Category)> Known = new()
    {
        ["invalid-namespace"] = ("Invalid namespace ", "0x8004100e", ErrorCategory.MetadataError),
        ["invalid-class"] = ("Invalid class ", "0x80041010", ErrorCategory.MetadataError),
        ["access-denied"] = ("Access denied ", "0x80041003", ErrorCategory.PermissionDenied),
        // The text Windows gives when a CIM operation outlives its OperationTimeout (Microsoft's
        // Cluster-Aware Updating troubleshooting article quotes it with HRESULT 0x80338029;
        // about_Remote_Troubleshooting). Handover treats any error text alike: it is recorded.
        ["timeout"] = ("The WS-Management service cannot complete the operation within the time specified in OperationTimeout. ", "0x80338029", ErrorCategory.OperationTimeout),
    };

    public static ErrorRecord Record(Fault fault, string target)
    {
        Known.TryGetValue(fault.Kind, out var known);
        var message = fault.Message ?? known.Message ?? throw new InvalidDataException($"fault '{fault.Kind}' needs a message");
        var hresultText = fault.HResult ?? known.HResult ?? throw new InvalidDataException($"fault '{fault.Kind}' needs an hresult");
        var category = fault.Category is { } c ? Enum.Parse<ErrorCategory>(c) : known.Message is null ? ErrorCategory.NotSpecified : known.Category;
        var hresult = unchecked((int)uint.Parse(hresultText[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        return new ErrorRecord(
            new CimException(message, hresult),
            $"HRESULT {hresultText.ToLowerInvariant()}",
            category,
            target);
    }
}

/// <summary>How a faulty provider behaves with respect to the call's own time limit.</summary>
internal static class CimTiming
{
    /// <summary>
    /// Blocks (until the runner's kill) when the call would wait for ever: a provider that never
    /// answers, or one that answers late to a call with no limit of its own. A late provider
    /// otherwise costs the call's limit, and the caller then writes the fault's error.
    /// </summary>
    public static void Apply(JobContext context, Fault fault, uint operationTimeoutSec, CancellationToken stopping)
    {
        if (fault.Kind == "hang" || (fault.Kind == "timeout" && operationTimeoutSec == 0))
        {
            context.HangUntilKilled(stopping);
            throw new PipelineStoppedException();
        }
        if (fault.Kind != "timeout") return;
        context.Spend(operationTimeoutSec * 1000L);
        if (!context.IsKilled) return;
        context.HangUntilKilled(stopping);
        throw new PipelineStoppedException();
    }
}

/// <summary>What a namespace or class of the state answers.</summary>
internal static class CimLookup
{
    /// <summary>Namespaces every Windows client has; classes that exist there with no instance unless the state lists some.</summary>
    private static readonly Dictionary<string, string[]> DefaultClasses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["root/cimv2"] = ["Win32_OperatingSystem", "Win32_Service", "Win32_SystemDriver", "Win32_Process"],
        ["root/securitycenter2"] = ["AntiVirusProduct", "AntiSpywareProduct", "FirewallProduct"],
        ["root/microsoft/windows/defender"] = ["MSFT_MpComputerStatus"],
    };

    public static Fault? NamespaceFault(MachineState state, string ns)
    {
        if (state.CimNamespaces.TryGetValue(ns, out var spec))
        {
            if (spec.ValueKind == JsonValueKind.String && spec.GetString() == "missing") return new Fault("invalid-namespace", null, null, null);
            if (Fault.From(spec) is { } fault) return fault;
            return null;
        }
        if (DefaultClasses.ContainsKey(ns)) return null;
        var prefix = ns + ":";
        return state.CimClasses.Keys.Any(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) ||
               state.CimMethods.Keys.Any(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            ? null
            : new Fault("invalid-namespace", null, null, null);
    }

    public static bool IsDefaultClass(string ns, string className) =>
        DefaultClasses.TryGetValue(ns, out var names) && names.Contains(className, StringComparer.OrdinalIgnoreCase);

    public static PSObject Instance(string ns, string className, JsonElement properties, string[]? only)
    {
        var o = new PSObject();
        o.TypeNames.Clear();
        o.TypeNames.Add($"Microsoft.Management.Infrastructure.CimInstance#{ns}/{className}");
        o.TypeNames.Add($"Microsoft.Management.Infrastructure.CimInstance#{className}");
        o.TypeNames.Add("Microsoft.Management.Infrastructure.CimInstance");
        var names = new List<string>();
        foreach (var p in properties.EnumerateObject())
        {
            if (only is not null && !only.Contains(p.Name, StringComparer.OrdinalIgnoreCase)) continue;
            o.Properties.Add(new PSNoteProperty(p.Name, MachineState.CimValue(p.Value)));
            names.Add(p.Name);
        }
        // The members a CimInstance carries besides its CIM properties (what Select-Object * shows).
        o.Properties.Add(new PSNoteProperty("PSComputerName", null));
        o.Properties.Add(new PSNoteProperty("CimClass", $"{ns}:{className}"));
        o.Properties.Add(new PSNoteProperty("CimInstanceProperties", names.ToArray()));
        o.Properties.Add(new PSNoteProperty("CimSystemProperties", $"{ns}:{className}"));
        return o;
    }
}

/// <summary>
/// Get-CimInstance for the machine state: -ClassName with -Namespace, -Property and
/// -OperationTimeoutSec. Anything else the real cmdlet offers is refused, so the scan cannot come
/// to rely on something the fake does not behave like.
/// </summary>
[Cmdlet(VerbsCommon.Get, "CimInstance", DefaultParameterSetName = "ClassNameComputerSet")]
public sealed class GetCimInstanceCommand : PSCmdlet
{
    private readonly CancellationTokenSource stopping = new();

    [Parameter(Position = 0, Mandatory = true, ParameterSetName = "ClassNameComputerSet")]
    public string ClassName { get; set; } = "";

    [Parameter(ParameterSetName = "ClassNameComputerSet")]
    public string Namespace { get; set; } = "root/cimv2";

    [Parameter]
    [Alias("OT")]
    public uint OperationTimeoutSec { get; set; }

    [Parameter(ParameterSetName = "ClassNameComputerSet")]
    [Alias("SelectProperties")]
    public string[]? Property { get; set; }

    [Parameter(ParameterSetName = "ClassNameComputerSet")]
    public string? Filter { get; set; }

    [Parameter]
    [Alias("CN", "ServerName")]
    public string[]? ComputerName { get; set; }

    protected override void StopProcessing() => stopping.Cancel();

    protected override void ProcessRecord()
    {
        if (Filter is not null || ComputerName is not null)
            ThrowTerminatingError(new ErrorRecord(new NotSupportedException("the engine's Get-CimInstance emulates -ClassName, -Namespace, -Property and -OperationTimeoutSec only"), "NotEmulated", ErrorCategory.NotImplemented, null));
        var context = JobContext.Current;
        var ns = MachineState.NormaliseNamespace(Namespace);
        var target = $"{Namespace}:{ClassName}";
        if (CimLookup.NamespaceFault(context.State, ns) is { } nsFault)
        {
            Answer(context, nsFault, target);
            return;
        }
        var key = $"{ns}:{ClassName}";
        if (!context.State.CimClasses.TryGetValue(key, out var spec))
        {
            if (!CimLookup.IsDefaultClass(ns, ClassName)) WriteError(CimErrors.Record(new Fault("invalid-class", null, null, null), target));
            return;
        }
        if (Fault.From(spec) is { } fault)
        {
            Answer(context, fault, target);
            return;
        }
        if (spec.ValueKind == JsonValueKind.Array)
        {
            foreach (var instance in spec.EnumerateArray()) WriteObject(CimLookup.Instance(ns, ClassName, instance, Property));
            return;
        }
        if (spec.ValueKind == JsonValueKind.Object && spec.TryGetProperty("repeat", out var repeat))
        {
            // Huge output: one instance N times, with a counter in the property named by "vary".
            var template = spec.GetProperty("instance");
            var vary = spec.TryGetProperty("vary", out var v) ? v.GetString() : null;
            for (var i = 0; i < repeat.GetInt32(); i++)
            {
                var o = CimLookup.Instance(ns, ClassName, template, Property);
                if (vary is not null) o.Properties[vary].Value = (uint)(i + 1);
                WriteObject(o);
            }
            return;
        }
        throw new InvalidDataException($"CIM class {key}: expected a list of instances, a fault or a repeat");
    }

    /// <summary>A fault, behaving as the real call does with respect to its time limit.</summary>
    private void Answer(JobContext context, Fault fault, string target)
    {
        CimTiming.Apply(context, fault, OperationTimeoutSec, stopping.Token);
        WriteError(CimErrors.Record(fault, target));
    }
}

/// <summary>Invoke-CimMethod for a class method of the state (-ClassName, -Namespace, -MethodName, -OperationTimeoutSec).</summary>
[Cmdlet(VerbsLifecycle.Invoke, "CimMethod", DefaultParameterSetName = "ClassNameComputerSet")]
public sealed class InvokeCimMethodCommand : PSCmdlet
{
    private readonly CancellationTokenSource stopping = new();

    [Parameter(Position = 0, Mandatory = true, ParameterSetName = "ClassNameComputerSet")]
    [Alias("Class")]
    public string ClassName { get; set; } = "";

    [Parameter(Position = 2, Mandatory = true)]
    [Alias("Name")]
    public string MethodName { get; set; } = "";

    [Parameter(ParameterSetName = "ClassNameComputerSet")]
    public string Namespace { get; set; } = "root/cimv2";

    [Parameter]
    [Alias("OT")]
    public uint OperationTimeoutSec { get; set; }

    protected override void StopProcessing() => stopping.Cancel();

    protected override void ProcessRecord()
    {
        var context = JobContext.Current;
        var ns = MachineState.NormaliseNamespace(Namespace);
        var target = $"{Namespace}:{ClassName}";
        var fault = CimLookup.NamespaceFault(context.State, ns);
        JsonElement spec = default;
        if (fault is null && !context.State.CimMethods.TryGetValue($"{ns}:{ClassName}.{MethodName}", out spec))
            fault = new Fault("invalid-class", null, null, null);
        if (fault is null && Fault.From(spec) is { } f) fault = f;
        if (fault is not null)
        {
            CimTiming.Apply(context, fault, OperationTimeoutSec, stopping.Token);
            WriteError(CimErrors.Record(fault, target));
            return;
        }
        var result = new PSObject();
        result.TypeNames.Insert(0, $"Microsoft.Management.Infrastructure.CimMethodResult#{ClassName}#{MethodName}");
        foreach (var p in spec.EnumerateObject()) result.Properties.Add(new PSNoteProperty(p.Name, MachineState.CimValue(p.Value)));
        result.Properties.Add(new PSNoteProperty("PSComputerName", null));
        WriteObject(result);
    }
}
