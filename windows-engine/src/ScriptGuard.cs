using System.Management.Automation.Language;
using System.Text.Json;

namespace Handover.WindowsEngine;

public sealed record GuardFinding(string Rule, string Message, int Line);

/// <summary>
/// Windows PowerShell 5.1 is not the engine the tests run, so the script is also read with the
/// engine's own parser and refused where 5.1 would fail: syntax that came with PowerShell 7
/// (?:, ??, ??=, ?., ?[], &amp;&amp; and ||, clean blocks, ForEach-Object -Parallel, -replace with a
/// script block), functions that 5.1 can never call because an alias or cmdlet of that name wins
/// or is shadowed (issue 10 point 1: `function R` lost to the alias r of Invoke-History), aliases
/// used as commands, commands 5.1 does not have, parameters its cmdlets do not have, and the
/// .NET calls Constrained Language Mode blocks (static method calls, New-Object, Add-Type).
/// The 5.1 commands, aliases and parameters are data (data/ps51-commands.json, with its source).
/// </summary>
public static class ScriptGuard
{
    private static readonly string[] CommonParameters =
    [
        "Verbose", "vb", "Debug", "db", "ErrorAction", "ea", "WarningAction", "wa", "InformationAction", "infa",
        "ErrorVariable", "ev", "WarningVariable", "wv", "InformationVariable", "iv", "OutVariable", "ov",
        "OutBuffer", "ob", "PipelineVariable", "pv", "WhatIf", "wi", "Confirm", "cf",
    ];

    private sealed record Command51(string Name, string[] Parameters);

    public static List<GuardFinding> Check(string script, JsonElement commands51)
    {
        var findings = new List<GuardFinding>();
        var ast = Parser.ParseInput(script, out _, out var errors);
        foreach (var error in errors) findings.Add(new("parse-error", error.Message, error.Extent.StartLineNumber));

        var aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in commands51.GetProperty("aliases").EnumerateObject()) aliases[a.Name] = a.Value.GetString()!;
        var cmdlets = new Dictionary<string, Command51>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in new[] { "cmdlets", "otherCommands" })
        {
            if (!commands51.TryGetProperty(section, out var list)) continue;
            foreach (var c in list.EnumerateObject())
            {
                var parameters = c.Value.GetProperty("parameters").EnumerateArray().Select(p => p.GetString()!).ToArray();
                cmdlets[c.Name] = new Command51(c.Name, parameters);
            }
        }

        var functions = ast.FindAll(n => n is FunctionDefinitionAst, true).Cast<FunctionDefinitionAst>().ToList();
        var defined = new HashSet<string>(functions.Select(f => f.Name), StringComparer.OrdinalIgnoreCase);
        foreach (var f in functions)
        {
            if (aliases.TryGetValue(f.Name, out var target))
                findings.Add(new("function-is-alias", $"function {f.Name} can never be called in Windows PowerShell 5.1: '{f.Name}' is a built-in alias of {target}, and aliases win over functions", f.Extent.StartLineNumber));
            else if (cmdlets.ContainsKey(f.Name))
                findings.Add(new("function-shadows-cmdlet", $"function {f.Name} hides the Windows PowerShell 5.1 cmdlet of the same name", f.Extent.StartLineNumber));
        }

        foreach (var node in ast.FindAll(_ => true, true))
        {
            var line = node.Extent.StartLineNumber;
            switch (node)
            {
                case TernaryExpressionAst:
                    findings.Add(new("ps7-syntax", "the ternary operator (a ? b : c) is PowerShell 7 only", line));
                    break;
                case BinaryExpressionAst { Operator: TokenKind.QuestionQuestion }:
                    findings.Add(new("ps7-syntax", "the null-coalescing operator ?? is PowerShell 7 only", line));
                    break;
                case BinaryExpressionAst { Operator: TokenKind.Ireplace or TokenKind.Creplace } replace
                    when replace.Right is ArrayLiteralAst { Elements: var parts } && parts.OfType<ScriptBlockExpressionAst>().Any():
                    findings.Add(new("ps7-syntax", "-replace with a script block substitution is PowerShell 6+ only", line));
                    break;
                case AssignmentStatementAst { Operator: TokenKind.QuestionQuestionEquals }:
                    findings.Add(new("ps7-syntax", "the null-coalescing assignment ??= is PowerShell 7 only", line));
                    break;
                case MemberExpressionAst { NullConditional: true }:
                    findings.Add(new("ps7-syntax", "the null-conditional member access ?. is PowerShell 7 only", line));
                    break;
                case IndexExpressionAst { NullConditional: true }:
                    findings.Add(new("ps7-syntax", "the null-conditional index ?[] is PowerShell 7 only", line));
                    break;
                case PipelineChainAst:
                    findings.Add(new("ps7-syntax", "pipeline chains (&& and ||) are PowerShell 7 only", line));
                    break;
                case ScriptBlockAst { CleanBlock: not null }:
                    findings.Add(new("ps7-syntax", "clean blocks are PowerShell 7.3+ only", line));
                    break;
                case InvokeMemberExpressionAst { Static: true } call:
                    findings.Add(new("clm-blocked", $"the static .NET call {call.Extent.Text} is blocked by Constrained Language Mode (use a cmdlet)", line));
                    break;
                case CommandAst command:
                    CheckCommand(command, aliases, cmdlets, defined, findings);
                    break;
            }
        }
        return findings;
    }

    private static void CheckCommand(CommandAst command, Dictionary<string, string> aliases, Dictionary<string, Command51> cmdlets, HashSet<string> defined, List<GuardFinding> findings)
    {
        var line = command.Extent.StartLineNumber;
        var name = command.GetCommandName();
        if (name is null) return;
        // An alias wins even over a function the script defines: that is how `R` ran Invoke-History.
        if (aliases.TryGetValue(name, out var target))
        {
            findings.Add(new("alias-used", $"'{name}' is an alias of {target} in Windows PowerShell 5.1: the call runs {target}, whatever the script defines", line));
            return;
        }
        if (defined.Contains(name)) return;
        if (name.Equals("New-Object", StringComparison.OrdinalIgnoreCase) || name.Equals("Add-Type", StringComparison.OrdinalIgnoreCase))
            findings.Add(new("clm-blocked", $"{name} of .NET types is blocked by Constrained Language Mode", line));
        if (!cmdlets.TryGetValue(name, out var cmdlet))
        {
            findings.Add(new("unknown-command", $"{name} is not a command of Windows PowerShell 5.1", line));
            return;
        }
        if (name.Equals("ForEach-Object", StringComparison.OrdinalIgnoreCase) &&
            command.CommandElements.OfType<CommandParameterAst>().Any(p => "Parallel".StartsWith(p.ParameterName, StringComparison.OrdinalIgnoreCase) && p.ParameterName.Length >= 2))
            findings.Add(new("ps7-syntax", "ForEach-Object -Parallel is PowerShell 7 only", line));
        var accepted = cmdlet.Parameters.Concat(CommonParameters).ToArray();
        foreach (var parameter in command.CommandElements.OfType<CommandParameterAst>())
        {
            var given = parameter.ParameterName;
            if (accepted.Contains(given, StringComparer.OrdinalIgnoreCase)) continue;
            var matches = accepted.Where(p => p.StartsWith(given, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            if (matches.Length == 0)
                findings.Add(new("unknown-parameter", $"{cmdlet.Name} has no parameter -{given} in Windows PowerShell 5.1", line));
            else if (matches.Length > 1)
                findings.Add(new("ambiguous-parameter", $"-{given} of {cmdlet.Name} is ambiguous in Windows PowerShell 5.1 ({string.Join(", ", matches.Select(m => "-" + m))})", line));
        }
    }
}
