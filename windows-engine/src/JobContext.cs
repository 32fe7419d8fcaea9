using System.Collections.Concurrent;
using System.Diagnostics;
using System.Management.Automation.Runspaces;

namespace Handover.WindowsEngine;

/// <summary>
/// What one emulated powershell.exe run knows: its machine state, whether it runs as a 32-bit
/// process, and its clock. The clock is real time plus "virtual" time: a fake that stands for a
/// provider answering only after N seconds adds N seconds instead of sleeping, so a 90-second
/// limit is reached as it would be on the machine, in milliseconds of test time.
/// </summary>
public sealed class JobContext
{
    private static readonly ConcurrentDictionary<Guid, JobContext> ByRunspace = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly ManualResetEventSlim killed = new(false);
    private long virtualMs;

    public JobContext(MachineState state, int powerShellBitness, long timeoutMs)
    {
        State = state;
        PowerShellBitness = powerShellBitness;
        TimeoutMs = timeoutMs;
    }

    public MachineState State { get; }
    public int PowerShellBitness { get; }
    public long TimeoutMs { get; }
    /// <summary>Why the runner stopped the process, once it did.</summary>
    public string? KillReason { get; private set; }
    public WaitHandle KilledHandle => killed.WaitHandle;
    public bool IsKilled => killed.IsSet;
    public long ElapsedMs => clock.ElapsedMilliseconds + Interlocked.Read(ref virtualMs);
    public long VirtualMs => Interlocked.Read(ref virtualMs);

    /// <summary>A 32-bit PowerShell on 64-bit Windows sees HKLM\SOFTWARE through WOW64 redirection.</summary>
    public bool RegistryRedirected => PowerShellBitness == 32 && State.Is64BitWindows;

    public void Attach(Runspace runspace) => ByRunspace[runspace.InstanceId] = this;
    public void Detach(Runspace runspace) => ByRunspace.TryRemove(runspace.InstanceId, out _);

    public static JobContext Current =>
        Runspace.DefaultRunspace is { } rs && ByRunspace.TryGetValue(rs.InstanceId, out var context)
            ? context
            : throw new InvalidOperationException("a fake was called outside an engine job");

    /// <summary>Time passes on the machine; past the runner's limit the process is stopped.</summary>
    public void Spend(long ms)
    {
        Interlocked.Add(ref virtualMs, ms);
        if (ElapsedMs >= TimeoutMs) Kill($"the runner's {TimeoutMs / 1000} s limit was reached");
    }

    public void Kill(string reason)
    {
        if (killed.IsSet) return;
        KillReason = reason;
        killed.Set();
    }

    /// <summary>
    /// A call that never returns: on the machine the runner kills PowerShell when its limit comes,
    /// so the clock jumps there and the process is stopped; the caller blocks until the stop.
    /// </summary>
    public void HangUntilKilled(CancellationToken stopping)
    {
        var remaining = Math.Max(0, TimeoutMs - ElapsedMs);
        Interlocked.Add(ref virtualMs, remaining);
        Kill($"a call never returned, so the runner's {TimeoutMs / 1000} s limit was reached");
        stopping.WaitHandle.WaitOne();
    }
}
