using System.Collections.Generic;
using Containers.Engine.Streams;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Containers
{
    /// <summary>
    /// Makes a process in a container behave like a native command: standard output lines go to the pipeline as strings,
    /// standard error lines to the error stream, the exit code to $LASTEXITCODE. With -PassThru everything is collected
    /// into one <see cref="ContainerCommandResult"/> instead.
    /// </summary>
    internal sealed class NativeCommandOutput
    {
        private readonly ICommandOutput _output;
        private readonly string _containerName;
        private readonly bool _collect;
        private readonly List<string> _stdout = new List<string>();
        private readonly List<string> _stderr = new List<string>();

        public NativeCommandOutput(ICommandOutput output, string containerName, bool collect)
        {
            _output = output;
            _containerName = containerName;
            _collect = collect;
        }

        public void OnLine(StdStream stream, string line)
        {
            if (_collect)
            {
                (stream == StdStream.Stderr ? _stderr : _stdout).Add(line);
            }
            else if (stream == StdStream.Stderr)
            {
                _output.WriteError(new CommandError("ContainerStandardError", ErrorKind.FromStdErr, line, _containerName));
            }
            else
            {
                _output.WriteObject(line);
            }
        }

        public void Complete(int exitCode)
        {
            _output.SetExitCode(exitCode);
            if (_collect)
            {
                _output.WriteObject(new ContainerCommandResult(_containerName, exitCode, _stdout, _stderr));
            }
        }
    }
}
