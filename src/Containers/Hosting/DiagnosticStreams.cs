using System.Management.Automation;
using Containers.EngineSelection;

namespace Containers.PowerShell.Hosting
{
    /// <summary>Whether a cmdlet's verbose and debug streams are wanted: -Verbose and -Debug, else their preference variables.</summary>
    internal static class DiagnosticStreams
    {
        /// <summary>What -Verbose and -Debug show about engines, or null (nothing gathered) when neither stream is wanted.</summary>
        public static EngineDiagnostics? For(PSCmdlet cmdlet)
        {
            bool verbose = Wants(cmdlet, "Verbose", "VerbosePreference");
            bool debug = Wants(cmdlet, "Debug", "DebugPreference");
            return verbose || debug ? new EngineDiagnostics(cmdlet.MyInvocation.MyCommand.Name, verbose, debug) : null;
        }

        private static bool Wants(PSCmdlet cmdlet, string parameter, string preferenceVariable)
        {
            if (cmdlet.MyInvocation.BoundParameters.TryGetValue(parameter, out object? given))
            {
                return given is SwitchParameter { IsPresent: true };
            }

            return Enum.TryParse(cmdlet.GetVariableValue(preferenceVariable)?.ToString(), true, out ActionPreference preference)
                && preference != ActionPreference.SilentlyContinue
                && preference != ActionPreference.Ignore;
        }
    }
}
