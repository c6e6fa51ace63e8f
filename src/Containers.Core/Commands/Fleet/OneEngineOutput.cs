using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Fleet
{
    /// <summary>
    /// What one engine's run writes when many run at once: everything passes through, and each error's message is led by
    /// the engine's name, since "No such container: web" means nothing until one knows where.
    /// </summary>
    internal sealed class OneEngineOutput : ICommandOutput
    {
        private readonly ICommandOutput _output;
        private readonly ContainerEngine _engine;

        public OneEngineOutput(ICommandOutput output, ContainerEngine engine)
        {
            _output = output;
            _engine = engine;
        }

        public void WriteObject(object value) => _output.WriteObject(value);

        public void WriteError(CommandError error) => _output.WriteError(new CommandError(
            error.ErrorId, error.Kind, EngineFleet.OnEngine(_engine, error.Message), error.Target, error.Exception, error.RecommendedAction));

        public void WriteWarning(string message) => _output.WriteWarning(EngineFleet.OnEngine(_engine, message));

        public void WriteVerbose(string message) => _output.WriteVerbose(message);

        public void WriteDebug(string message) => _output.WriteDebug(message);

        public void WriteProgress(ProgressUpdate progress) => _output.WriteProgress(progress);

        public void WriteInformation(string message, params string[] tags) => _output.WriteInformation(message, tags);

        public bool ShouldProcess(string target, string action) => _output.ShouldProcess(EngineFleet.OnEngine(_engine, target), action);

        public bool ShouldContinue(string query, string caption) => _output.ShouldContinue(EngineFleet.OnEngine(_engine, query), caption);

        public void SetExitCode(int exitCode) => _output.SetExitCode(exitCode);
    }
}
