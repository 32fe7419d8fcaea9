using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text;
using System.Text.RegularExpressions;

namespace Handover.WindowsEngine;

/// <summary>One command line and standard input, as the app would hand them to CreateProcess.</summary>
public sealed record ProcessRequest(string File, IReadOnlyList<string> Args, byte[] Stdin, long TimeoutMs, string Caller, MachineState State);

public sealed record ProcessResult(
    int? ExitCode,
    byte[] Stdout,
    byte[] Stderr,
    bool NotFound,
    bool TimedOut,
    string? KillReason,
    long DurationMs,
    long ScriptMs,
    long VirtualMs,
    int ProgressRecords,
    int PowerShellBitness,
    string LanguageMode);

/// <summary>
/// Plays %SystemRoot%\System32\WindowsPowerShell\v1.0\powershell.exe on the fake machine: checks
/// the program path the way Windows resolves it (WOW64 file-system redirection of System32 for a
/// 32-bit caller, Sysnative only for a 32-bit caller), parses the documented command-line
/// parameters (about_PowerShell_exe, 5.1), decodes standard input with the console code page (as
/// [Console]::InputEncoding does) and hands its lines to a -Command string as $input, runs it in a
/// real runspace whose machine primitives are the fakes, and writes what the console host writes
/// to redirected handles: output and warnings to stdout, errors to stderr in 5.1's NormalView
/// text, each line encoded in the console code page (characters the code page lacks become '?').
/// With -EncodedCommand or -OutputFormat XML, errors and progress go to stderr as CLIXML, as
/// powershell.exe does (PowerShell/PowerShell#5912, #16678).
/// </summary>
public static class PowerShellExe
{
    private static readonly string[] FakeCmdlets =
    [
        "Get-CimInstance", "Invoke-CimMethod", "Get-Service", "Get-Process", "Get-Culture", "Get-TimeZone", "Get-WinHomeLocation",
    ];

    static PowerShellExe() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private sealed record CommandLine(string Command, bool ReadInput, bool Clixml);

    public static ProcessResult Run(ProcessRequest request)
    {
        var started = Stopwatch.StartNew();
        var bitness = Bitness(request);
        if (bitness is null)
            return new(null, [], [], true, false, null, 0, 0, 0, 0, 0, request.State.LanguageMode);
        var encoding = Encoding.GetEncoding(request.State.ConsoleCodePage, new EncoderReplacementFallback("?"), new DecoderReplacementFallback("?"));
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        void Write(MemoryStream to, string text) { var bytes = encoding.GetBytes(text); lock (to) to.Write(bytes); }

        CommandLine commandLine;
        try
        {
            commandLine = Parse(request.Args);
        }
        catch (ArgumentException e)
        {
            Write(stderr, e.Message + "\r\n");
            return new(64, stdout.ToArray(), stderr.ToArray(), false, false, null, started.ElapsedMilliseconds, 0, 0, 0, bitness.Value, request.State.LanguageMode);
        }

        var context = new JobContext(request.State, bitness.Value, request.TimeoutMs);
        var savedEnvironment = ApplyEnvironment(request.State, bitness.Value);
        var progressRecords = 0;
        var clixmlErrors = new List<string>();
        int? exitCode = 0;
        long scriptMs = 0;
        try
        {
            var iss = InitialSessionState.CreateDefault2();
            iss.LanguageMode = Enum.Parse<PSLanguageMode>(request.State.LanguageMode);
            using var runspace = RunspaceFactory.CreateRunspace(iss);
            runspace.Open();
            context.Attach(runspace);
            try
            {
                ImportModules(runspace, request.State);
                var input = new PSDataCollection<string>();
                if (commandLine.ReadInput)
                    foreach (var line in SplitLines(encoding.GetString(request.Stdin))) input.Add(line);
                input.Complete();
                var output = new PSDataCollection<PSObject>();
                using var ps = PowerShell.Create();
                ps.Runspace = runspace;
                ps.AddScript(commandLine.Command, false);
                output.DataAdded += (_, e) =>
                {
                    if (context.IsKilled) return;
                    var item = output[e.Index];
                    Write(stdout, (item?.BaseObject is string s ? s : LanguagePrimitives.ConvertTo<string>(item)) + "\r\n");
                };
                ps.Streams.Error.DataAdded += (_, e) =>
                {
                    if (context.IsKilled) return;
                    var record = ps.Streams.Error[e.Index];
                    if (commandLine.Clixml) clixmlErrors.Add(FormatError(record));
                    else Write(stderr, FormatError(record));
                };
                ps.Streams.Warning.DataAdded += (_, e) => { if (!context.IsKilled) Write(stdout, $"WARNING: {ps.Streams.Warning[e.Index].Message}\r\n"); };
                ps.Streams.Verbose.DataAdded += (_, e) => { if (!context.IsKilled) Write(stdout, $"VERBOSE: {ps.Streams.Verbose[e.Index].Message}\r\n"); };
                ps.Streams.Information.DataAdded += (_, e) => { if (!context.IsKilled) Write(stdout, $"{ps.Streams.Information[e.Index].MessageData}\r\n"); };
                ps.Streams.Progress.DataAdded += (_, _) => Interlocked.Increment(ref progressRecords);

                var scriptClock = Stopwatch.StartNew();
                var running = ps.BeginInvoke(input, output);
                var finished = WaitHandle.WaitAny([running.AsyncWaitHandle, context.KilledHandle], TimeSpan.FromMilliseconds(request.TimeoutMs));
                if (finished != 0)
                {
                    context.Kill(finished == WaitHandle.WaitTimeout ? $"the script ran past the runner's {request.TimeoutMs / 1000} s limit" : context.KillReason ?? "stopped");
                    ps.Stop();
                    exitCode = null;
                }
                else
                {
                    try
                    {
                        ps.EndInvoke(running);
                    }
                    catch (RuntimeException e)
                    {
                        // A script-terminating error: the console host prints it and the exit code is 1 (about_PowerShell_exe).
                        if (commandLine.Clixml) clixmlErrors.Add(FormatError(e.ErrorRecord));
                        else Write(stderr, FormatError(e.ErrorRecord));
                        exitCode = 1;
                    }
                    if (exitCode == 0 && ps.InvocationStateInfo.State == PSInvocationState.Failed) exitCode = 1;
                    // "The exit code is 0 when $? is $true or 1 when $? is $false" (about_PowerShell_exe).
                    if (exitCode == 0) exitCode = LastStatusSucceeded(runspace) ? 0 : 1;
                    // A script file the command ran ended with `exit N`: N is in $LASTEXITCODE, and
                    // its caller's $? is false when N is not 0, so -Command's exit code is 1.
                    if (exitCode == 0 && LastExitCode(runspace) is int code && code != 0) exitCode = 1;
                }
                scriptMs = scriptClock.ElapsedMilliseconds;
                if (commandLine.Clixml && (clixmlErrors.Count > 0 || progressRecords > 0))
                    Write(stderr, Clixml.Stream(clixmlErrors, progressRecords));
            }
            finally
            {
                context.Detach(runspace);
            }
        }
        finally
        {
            RestoreEnvironment(savedEnvironment);
        }
        byte[] stdoutBytes;
        lock (stdout) stdoutBytes = stdout.ToArray();
        return new(exitCode, stdoutBytes, stderr.ToArray(), false, context.IsKilled, context.KillReason,
            started.ElapsedMilliseconds + context.VirtualMs, scriptMs, context.VirtualMs, progressRecords, bitness.Value, request.State.LanguageMode);
    }

    /// <summary>
    /// Which PowerShell the path starts, or null when Windows would find no file there: System32
    /// seen by a 32-bit process is SysWOW64 (32-bit PowerShell); Sysnative exists only for a
    /// 32-bit process on 64-bit Windows and reaches the 64-bit System32 (Microsoft Learn, "File
    /// System Redirector").
    /// </summary>
    private static int? Bitness(ProcessRequest request)
    {
        var state = request.State;
        var root = state.Environment.GetValueOrDefault("SystemRoot") ?? @"C:\Windows";
        var match = Regex.Match(request.File, @"^(?<root>.+)\\(?<dir>System32|Sysnative|SysWOW64)\\WindowsPowerShell\\v1\.0\\powershell\.exe$", RegexOptions.IgnoreCase);
        if (!match.Success || !string.Equals(match.Groups["root"].Value, root, StringComparison.OrdinalIgnoreCase)) return null;
        var callerIs32 = request.Caller == "32-bit";
        int? bitness = match.Groups["dir"].Value.ToLowerInvariant() switch
        {
            "system32" => !state.Is64BitWindows || callerIs32 ? 32 : 64,
            "sysnative" => state.Is64BitWindows && callerIs32 ? 64 : null,
            "syswow64" => state.Is64BitWindows ? 32 : null,
            _ => null,
        };
        return bitness is null ? null : state.PowerShellBitnessOverride ?? bitness;
    }

    /// <summary>The parameters of about_PowerShell_exe the app may use; anything else is refused.</summary>
    private static CommandLine Parse(IReadOnlyList<string> args)
    {
        string? command = null;
        var readInput = true;
        var clixml = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"Missing an argument for parameter '{arg}'.");
            switch (arg.ToLowerInvariant())
            {
                case "-noprofile":
                case "-nop":
                case "-noninteractive":
                case "-nologo":
                    break;
                case "-executionpolicy":
                case "-ep":
                {
                    var policy = Next();
                    if (!new[] { "Bypass", "Unrestricted", "RemoteSigned", "AllSigned", "Restricted", "Default", "Undefined" }.Contains(policy, StringComparer.OrdinalIgnoreCase))
                        throw new ArgumentException($"Invalid execution policy '{policy}'.");
                    break;
                }
                case "-inputformat":
                {
                    var format = Next();
                    if (format.Equals("None", StringComparison.OrdinalIgnoreCase)) readInput = false;
                    else if (!format.Equals("Text", StringComparison.OrdinalIgnoreCase))
                        throw new ArgumentException($"-InputFormat {format} is not emulated by the engine host");
                    break;
                }
                case "-outputformat":
                    clixml = Next().Equals("XML", StringComparison.OrdinalIgnoreCase);
                    break;
                case "-encodedcommand":
                case "-ec":
                case "-enc":
                    command = Encoding.Unicode.GetString(Convert.FromBase64String(Next()));
                    clixml = true;
                    break;
                case "-command":
                case "-c":
                    // -Command takes the rest of the line: every argument after it is part of the command.
                    command = string.Join(' ', args.Skip(i + 1));
                    if (command == "-") throw new ArgumentException("-Command - (statements read from standard input one at a time) is not emulated: pass a -Command string");
                    i = args.Count;
                    break;
                default:
                    throw new ArgumentException($"The engine host does not emulate the powershell.exe argument '{arg}'.");
            }
        }
        return new CommandLine(command ?? throw new ArgumentException("no -Command or -EncodedCommand: powershell.exe would start an interactive session"), readInput, clixml);
    }

    private static IEnumerable<string> SplitLines(string text)
    {
        if (text.Length == 0) yield break;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var count = lines.Length;
        if (lines[^1].Length == 0) count--;
        for (var i = 0; i < count; i++) yield return lines[i];
    }

    private static void ImportModules(Runspace runspace, MachineState state)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        // The real modules first, then the fakes, which therefore win over any cmdlet of the same name.
        ps.AddCommand("Import-Module").AddParameter("Name", new[] { "Microsoft.PowerShell.Management", "Microsoft.PowerShell.Utility" });
        ps.AddStatement();
        var cmdlets = FakeCmdlets.Where(c => c != "Get-WinHomeLocation" || !state.HomeLocationCommandMissing).ToArray();
        ps.AddCommand("Import-Module").AddParameter("Assembly", typeof(PowerShellExe).Assembly).AddParameter("Cmdlet", cmdlets);
        ps.Invoke();
        if (ps.HadErrors) throw new InvalidOperationException("the fakes could not be loaded: " + string.Join("; ", ps.Streams.Error));
    }

    private static int? LastExitCode(Runspace runspace)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript("$global:LASTEXITCODE");
        return ps.Invoke().FirstOrDefault()?.BaseObject is int code ? code : null;
    }

    private static bool LastStatusSucceeded(Runspace runspace)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript("$?");
        return ps.Invoke().FirstOrDefault()?.BaseObject is true;
    }

    /// <summary>The state's environment for this process, with the architecture variables WOW64 sets.</summary>
    private static Dictionary<string, string?> ApplyEnvironment(MachineState state, int bitness)
    {
        var values = state.Environment.ToDictionary(e => e.Key, e => (string?)e.Value, StringComparer.OrdinalIgnoreCase);
        if (bitness == 32 && state.Is64BitWindows)
        {
            values["PROCESSOR_ARCHITECTURE"] = "x86";
            values["PROCESSOR_ARCHITEW6432"] = state.WindowsArchitecture;
        }
        else
        {
            values["PROCESSOR_ARCHITECTURE"] = state.WindowsArchitecture;
            values["PROCESSOR_ARCHITEW6432"] = null;
        }
        var saved = new Dictionary<string, string?>();
        foreach (var (name, value) in values)
        {
            saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }
        return saved;
    }

    private static void RestoreEnvironment(Dictionary<string, string?> saved)
    {
        foreach (var (name, value) in saved) Environment.SetEnvironmentVariable(name, value);
    }

    /// <summary>An error as Windows PowerShell 5.1's console host prints it (NormalView).</summary>
    public static string FormatError(ErrorRecord record)
    {
        var text = new StringBuilder();
        var command = record.InvocationInfo?.MyCommand?.Name;
        var message = record.ErrorDetails?.Message ?? record.Exception?.Message ?? record.ToString();
        text.Append(command is { Length: > 0 } && record.InvocationInfo?.ScriptLineNumber > 0 ? $"{command} : {message}" : message).Append("\r\n");
        if (record.InvocationInfo?.PositionMessage is { Length: > 0 } position)
            text.Append(position.Replace("\n", "\r\n")).Append("\r\n");
        text.Append($"    + CategoryInfo          : {record.CategoryInfo}\r\n");
        text.Append($"    + FullyQualifiedErrorId : {record.FullyQualifiedErrorId}\r\n");
        text.Append("\r\n");
        return text.ToString();
    }
}

/// <summary>CLIXML of the error and progress streams, as powershell.exe writes it to a redirected stderr.</summary>
internal static class Clixml
{
    public static string Stream(IEnumerable<string> errors, int progressRecords)
    {
        var xml = new StringBuilder("#< CLIXML\r\n<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">");
        for (var i = 0; i < progressRecords; i++)
            xml.Append($"<Obj S=\"progress\" RefId=\"{i}\"><TN RefId=\"{i}\"><T>System.Management.Automation.PSCustomObject</T><T>System.Object</T></TN><MS><I64 N=\"SourceId\">1</I64><PR N=\"Record\"><AV>Preparing modules for first use.</AV><AI>0</AI><Nil /><PI>-1</PI><PC>-1</PC><T>Completed</T><SR>-1</SR><SD> </SD></PR></MS></Obj>");
        foreach (var error in errors)
            foreach (var line in error.Split("\r\n").SkipLast(1))
                xml.Append("<S S=\"Error\">").Append(Escape(line)).Append("_x000D__x000A_</S>");
        return xml.Append("</Objs>").ToString();
    }

    private static string Escape(string text)
    {
        var s = new StringBuilder();
        foreach (var c in text)
        {
            if (c == '&') s.Append("&amp;");
            else if (c == '<') s.Append("&lt;");
            else if (c == '>') s.Append("&gt;");
            else if (c == '_') s.Append("_x005F_");
            else if (c < 0x20) s.Append($"_x{(int)c:X4}_");
            else s.Append(c);
        }
        return s.ToString();
    }
}
