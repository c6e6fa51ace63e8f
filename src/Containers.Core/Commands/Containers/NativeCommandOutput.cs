using System.Globalization;
using Containers.Engine.Streams;
using Containers.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Containers
{
    /// <summary>
    /// Makes a process in a container behave like a native command: standard output lines go to the pipeline as strings,
    /// standard error lines to the error stream, the exit code to $LASTEXITCODE. With -PassThru everything is collected
    /// into one <see cref="ContainerCommandResult"/> instead. A non-zero exit is also a non-terminating error, with or
    /// without -PassThru, so that $? is false, pwsh -Command exits non-zero and -ErrorAction Stop throws: an unattended
    /// script must not carry on past a failed run because someone asked for the result object.
    /// </summary>
    internal sealed class NativeCommandOutput
    {
        private readonly ICommandOutput _output;
        private readonly string _containerName;
        private readonly bool _collect;
        private readonly string _exitErrorId;
        private readonly string _whatRan;
        private readonly List<string> _stdout = new List<string>();
        private readonly List<string> _stderr = new List<string>();
        private readonly ExecStartFailure? _startFailure;
        private bool _anyLine;
        private string? _held;

        /// <param name="exitErrorId">The id of the error a non-zero exit gives: ContainerExitedWithError, CommandExitedWithError.</param>
        /// <param name="whatRan">What exited, for the message: "The container 'web'".</param>
        /// <param name="startFailure">For an exec: how to read the runtime's refusal to start it, which comes as output.</param>
        public NativeCommandOutput(ICommandOutput output, string containerName, bool collect, string exitErrorId, string whatRan, ExecStartFailure? startFailure = null)
        {
            _output = output;
            _containerName = containerName;
            _collect = collect;
            _exitErrorId = exitErrorId;
            _whatRan = whatRan;
            _startFailure = startFailure;
        }

        public void OnLine(StdStream stream, string line)
        {
            bool first = !_anyLine;
            _anyLine = true;
            if (first && _startFailure != null && stream == StdStream.Stdout && ExecStartFailure.MayBe(line))
            {
                // Held until the exit code says whether the command ran.
                _held = line;
                return;
            }

            Flush();
            Write(stream, line);
        }

        private void Flush()
        {
            if (_held != null)
            {
                string line = _held;
                _held = null;
                Write(StdStream.Stdout, line);
            }
        }

        private void Write(StdStream stream, string line)
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
            // In this order: $LASTEXITCODE and the result are in place before an -ErrorAction Stop error ends the statement.
            _output.SetExitCode(exitCode);
            CommandError? notStarted = _held != null ? _startFailure!.Read(_held, exitCode, _containerName) : null;
            if (notStarted != null)
            {
                _output.WriteError(notStarted);
                return;
            }

            Flush();
            if (_collect)
            {
                _output.WriteObject(new ContainerCommandResult(_containerName, exitCode, _stdout, _stderr));
            }

            if (exitCode != 0)
            {
                string message = string.Format(CultureInfo.InvariantCulture, "{0} exited with code {1}.", _whatRan, exitCode);
                _output.WriteError(new CommandError(_exitErrorId, ErrorKind.NotSpecified, message, _containerName, new ProcessExitException(message, exitCode)));
            }
        }
    }
}
