using System.Management.Automation;
using Containers.Output;

namespace Containers.PowerShell.Hosting
{
    /// <summary>
    /// -Force on a ConfirmImpact High cmdlet: ShouldProcess answers yes without asking, except under -WhatIf (given, or
    /// $WhatIfPreference), which still only describes. An explicit -Confirm still asks; the cmdlet does not wrap then.
    /// </summary>
    internal sealed class UnconfirmedOutput : ICommandOutput
    {
        private readonly ICommandOutput _inner;
        private readonly PSCmdlet _cmdlet;

        public UnconfirmedOutput(ICommandOutput inner, PSCmdlet cmdlet)
        {
            _inner = inner;
            _cmdlet = cmdlet;
        }

        public bool ShouldProcess(string target, string action) => WhatIf() ? _inner.ShouldProcess(target, action) : true;

        /// <summary>-Force skips the question ShouldContinue would ask.</summary>
        public bool ShouldContinue(string query, string caption) => true;

        public void WriteObject(object value) => _inner.WriteObject(value);

        public void WriteError(CommandError error) => _inner.WriteError(error);

        public void WriteWarning(string message) => _inner.WriteWarning(message);

        public void WriteVerbose(string message) => _inner.WriteVerbose(message);

        public void WriteDebug(string message) => _inner.WriteDebug(message);

        public void WriteProgress(ProgressUpdate progress) => _inner.WriteProgress(progress);

        public void WriteInformation(string message, params string[] tags) => _inner.WriteInformation(message, tags);

        public void SetExitCode(int exitCode) => _inner.SetExitCode(exitCode);

        private bool WhatIf()
        {
            if (_cmdlet.MyInvocation.BoundParameters.TryGetValue("WhatIf", out object? given))
            {
                return given is SwitchParameter flag ? flag.IsPresent : LanguagePrimitives.IsTrue(given);
            }

            return LanguagePrimitives.IsTrue(_cmdlet.SessionState.PSVariable.GetValue("WhatIfPreference"));
        }
    }
}
