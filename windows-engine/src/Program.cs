using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Handover.WindowsEngine;

// The Windows engine test host (README.md). One process runs a whole batch of jobs, because a
// runspace costs most of a second and a test run has dozens of them:
//
//   HandoverWindowsEngine batch <jobs.json> <results.json>
//
// A job is {"id", "kind": "powershell", "file", "args", "stdin" (base64), "timeoutMs", "caller",
// "state", "repeat"?} or {"id", "kind": "guard", "script", "commands"}. Jobs run one after another:
// each sets the process environment of its machine for $env:.

if (args.Length != 3 || args[0] != "batch")
{
    Console.Error.WriteLine("usage: HandoverWindowsEngine batch <jobs.json> <results.json>");
    return 2;
}

var jobs = JsonNode.Parse(File.ReadAllText(args[1]))!["jobs"]!.AsArray();
var results = new JsonArray();
var batchClock = Stopwatch.StartNew();
foreach (var jobNode in jobs)
{
    var job = JsonSerializer.Deserialize<JsonElement>(jobNode!.ToJsonString());
    var id = job.GetProperty("id").GetString()!;
    try
    {
        results.Add(job.GetProperty("kind").GetString() switch
        {
            "powershell" => RunPowerShell(id, job),
            "guard" => RunGuard(id, job),
            var other => throw new InvalidDataException($"unknown job kind {other}"),
        });
    }
    catch (Exception e)
    {
        // A broken job (bad state, a bug in a fake) fails that job, loudly, not the batch.
        results.Add(new JsonObject { ["id"] = id, ["hostError"] = e.ToString() });
    }
}
File.WriteAllText(args[2], new JsonObject { ["results"] = results, ["batchMs"] = batchClock.ElapsedMilliseconds }.ToJsonString());
return 0;

static JsonObject RunPowerShell(string id, JsonElement job)
{
    var state = MachineState.FromJson(job.GetProperty("state"));
    var request = new ProcessRequest(
        job.GetProperty("file").GetString()!,
        job.GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToList(),
        Convert.FromBase64String(job.TryGetProperty("stdin", out var stdin) ? stdin.GetString() ?? "" : ""),
        job.TryGetProperty("timeoutMs", out var t) ? t.GetInt64() : 90_000,
        job.TryGetProperty("caller", out var c) ? c.GetString()! : "64-bit",
        state);
    var repeat = job.TryGetProperty("repeat", out var r) ? r.GetInt32() : 1;
    ProcessResult? result = null;
    var samples = new JsonArray();
    for (var i = 0; i < repeat; i++)
    {
        result = PowerShellExe.Run(request);
        samples.Add(result.ScriptMs);
    }
    return new JsonObject
    {
        ["id"] = id,
        ["exitCode"] = result!.ExitCode,
        ["stdout"] = Convert.ToBase64String(result.Stdout),
        ["stderr"] = Convert.ToBase64String(result.Stderr),
        ["notFound"] = result.NotFound,
        ["timedOut"] = result.TimedOut,
        ["killReason"] = result.KillReason,
        ["durationMs"] = result.DurationMs,
        ["scriptMs"] = result.ScriptMs,
        ["virtualMs"] = result.VirtualMs,
        ["progressRecords"] = result.ProgressRecords,
        ["powerShellBitness"] = result.PowerShellBitness,
        ["languageMode"] = result.LanguageMode,
        ["scriptMsSamples"] = samples,
    };
}

static JsonObject RunGuard(string id, JsonElement job)
{
    var findings = ScriptGuard.Check(job.GetProperty("script").GetString()!, job.GetProperty("commands"));
    var list = new JsonArray();
    foreach (var f in findings) list.Add(new JsonObject { ["rule"] = f.Rule, ["message"] = f.Message, ["line"] = f.Line });
    return new JsonObject { ["id"] = id, ["findings"] = list };
}
