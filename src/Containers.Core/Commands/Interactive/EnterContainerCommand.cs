using Containers.Engine.Endpoints;
using Containers.Engine.Http;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Interactive
{
    /// <summary>
    /// Enter-Container: docker exec -it (a new process, by default a shell) or docker attach (the main process) with the
    /// console as the terminal. Refused before anything is created where there is no interactive console. The process's
    /// exit code goes to $LASTEXITCODE; leaving with the detach keys leaves the process running.
    /// </summary>
    public sealed class EnterContainerCommand
    {
        /// <summary>
        /// Without -Command: bash where the image has it (line editing, history), else sh, which every Linux image with
        /// a shell has. One exec decides inside the container, so nothing is tried and thrown away.
        /// </summary>
        public static readonly IReadOnlyList<string> DefaultLinuxShell = new[] { "/bin/sh", "-c", "if [ -x /bin/bash ]; then exec /bin/bash; fi; exec /bin/sh" };

        /// <summary>Windows containers have no /bin/sh; cmd.exe is in every Windows base image.</summary>
        public static readonly IReadOnlyList<string> DefaultWindowsShell = new[] { "cmd.exe" };

        // How long to wait for the engine to record the end of a process whose stream has closed; past that it is
        // still running and the session was left (detach keys the engine saw, or a process that closed its output).
        private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(5);

        /// <summary>The program and arguments to run; null for the default shell.</summary>
        public IReadOnlyList<string>? Command { get; set; }

        public string? User { get; set; }

        public string? WorkingDirectory { get; set; }

        /// <summary>KEY=VALUE entries.</summary>
        public IReadOnlyList<string>? Environment { get; set; }

        public bool Privileged { get; set; }

        /// <summary>Attach to the main process instead of starting a new one.</summary>
        public bool Attach { get; set; }

        /// <summary>In docker's notation; null for ctrl-p,ctrl-q.</summary>
        public string? DetachKeys { get; set; }

        public bool PassThru { get; set; }

        public async Task ExecuteAsync(ContainerEngine engine, string target, InteractiveHost host, IInteractiveTerminal terminal, ICommandOutput output, CancellationToken cancellationToken)
        {
            // First, before the engine is asked anything: without a console the session could only hang.
            CommandError? refusal = host.Refusal(target);
            if (refusal != null)
            {
                output.WriteError(refusal);
                return;
            }

            try
            {
                Interactive.DetachKeys keys = DetachKeys == null ? Interactive.DetachKeys.Default : Interactive.DetachKeys.Parse(DetachKeys);
                CheckParameters();
                ContainerInspect container = await engine.Client.Containers.InspectAsync(target.TrimStart('/'), cancellationToken: cancellationToken);
                string name = container.Name?.TrimStart('/') ?? target;
                CommandError? notRunning = NotRunning(container, name);
                if (notRunning != null)
                {
                    output.WriteError(notRunning);
                    return;
                }

                (int? exitCode, bool detached) = Attach
                    ? await AttachAsync(engine, container, name, keys, terminal, output, cancellationToken)
                    : await ExecAsync(engine, container, name, keys, terminal, output, cancellationToken);

                if (detached)
                {
                    output.WriteVerbose($"Detached from container '{name}'; the process goes on running.");
                }

                // As docker does, leaving with the detach keys counts as success.
                output.SetExitCode(exitCode ?? 0);
                if (PassThru)
                {
                    output.WriteObject(new ContainerSessionResult(name, Attach ? "Attach" : "Exec", exitCode, detached));
                }
            }
            catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
            {
                output.WriteError(ErrorClassifier.Classify(e, target));
            }
        }

        private async Task<(int? ExitCode, bool Detached)> ExecAsync(
            ContainerEngine engine, ContainerInspect container, string name, DetachKeys keys, IInteractiveTerminal terminal, ICommandOutput output, CancellationToken cancellationToken)
        {
            IReadOnlyList<string> command = Command ?? (string.Equals(container.Platform, "windows", StringComparison.OrdinalIgnoreCase) ? DefaultWindowsShell : DefaultLinuxShell);
            var request = new ExecCreateRequest
            {
                AttachStdin = true,
                AttachStdout = true,
                AttachStderr = true,
                Tty = true,
                DetachKeys = keys.Text,
                Cmd = command.ToList(),
                Env = Environment?.ToList(),
                User = User,
                WorkingDir = WorkingDirectory,
                Privileged = Privileged,
            };
            ExecCreateResponse exec = await engine.Client.Exec.CreateAsync(container.Id, request, cancellationToken);
            output.WriteVerbose($"Started exec {Short(exec.Id)} in container '{name}': {string.Join(" ", command)}. Detach with {keys.Text}.");

            bool detached;
            using (HijackedStream stream = await engine.Client.Exec.StartAttachedAsync(exec.Id, tty: true, cancellationToken))
            {
                var session = new InteractiveSession(stream, framed: false, terminal, keys, (size, token) => engine.Client.Exec.ResizeAsync(exec.Id, size.Rows, size.Columns, token));
                detached = await session.RunAsync(cancellationToken);
            }

            if (detached)
            {
                return (null, true);
            }

            // The stream ends a moment before the engine records the exit code.
            DateTime until = DateTime.UtcNow + ExitWait;
            for (int attempt = 0; ; attempt++)
            {
                ExecInspect inspect = await engine.Client.Exec.InspectAsync(exec.Id, cancellationToken);
                if (!inspect.Running && inspect.ExitCode.HasValue)
                {
                    return (inspect.ExitCode.Value, false);
                }

                if (DateTime.UtcNow > until)
                {
                    return (null, true);
                }

                await Task.Delay(attempt < 10 ? 10 : 100, cancellationToken);
            }
        }

        private async Task<(int? ExitCode, bool Detached)> AttachAsync(
            ContainerEngine engine, ContainerInspect container, string name, DetachKeys keys, IInteractiveTerminal terminal, ICommandOutput output, CancellationToken cancellationToken)
        {
            bool tty = container.Config?.Tty ?? false;
            if (container.Config?.OpenStdin != true)
            {
                output.WriteWarning($"Container '{name}' was not created with its input open (-Interactive): what you type does not reach it. Leave with {keys.Text}.");
            }

            var parameters = new ContainerAttachParameters { Stdin = true, Stdout = true, Stderr = true, DetachKeys = keys.Text };
            bool detached;
            using (HijackedStream stream = await engine.Client.Containers.AttachAsync(container.Id, parameters, cancellationToken))
            {
                output.WriteVerbose($"Attached to container '{name}'. Detach with {keys.Text}.");
                Func<TerminalSize, CancellationToken, Task>? resize = tty
                    ? (size, token) => engine.Client.Containers.ResizeAsync(container.Id, size.Rows, size.Columns, token)
                    : (Func<TerminalSize, CancellationToken, Task>?)null;
                var session = new InteractiveSession(stream, framed: !tty, terminal, keys, resize);
                detached = await session.RunAsync(cancellationToken);
            }

            if (detached)
            {
                return (null, true);
            }

            DateTime until = DateTime.UtcNow + ExitWait;
            for (int attempt = 0; ; attempt++)
            {
                ContainerInspect inspect = await engine.Client.Containers.InspectAsync(container.Id, cancellationToken: cancellationToken);
                if (inspect.State?.Running != true)
                {
                    return (inspect.State?.ExitCode ?? 0, false);
                }

                if (DateTime.UtcNow > until)
                {
                    return (null, true);
                }

                await Task.Delay(attempt < 10 ? 10 : 100, cancellationToken);
            }
        }

        // Options of a new process mean nothing when attaching to the main one: say so rather than ignore them.
        private void CheckParameters()
        {
            if (Command != null && (Command.Count == 0 || Command.All(string.IsNullOrEmpty)))
            {
                throw new InvalidParameterException("Command", null, "The command to run is empty. Leave out -Command for a shell.");
            }

            if (!Attach)
            {
                return;
            }

            (string Name, bool Given)[] execOnly =
            {
                ("Command", Command != null),
                ("User", User != null),
                ("WorkingDirectory", WorkingDirectory != null),
                ("Environment", Environment != null && Environment.Count > 0),
                ("Privileged", Privileged),
            };
            foreach ((string parameter, bool given) in execOnly)
            {
                if (given)
                {
                    throw new InvalidParameterException(parameter, null, $"-{parameter} applies to a new process and cannot be used with -Attach, which joins the container's main process.");
                }
            }
        }

        private static CommandError? NotRunning(ContainerInspect container, string name)
        {
            ContainerState? state = container.State;
            if (state?.Running == true && !state.Paused && !state.Restarting)
            {
                return null;
            }

            string status = state?.Paused == true ? "paused" : state?.Restarting == true ? "restarting" : state?.Status ?? "not running";
            string advice = state?.Paused == true ? "Resume it first (Resume-Container)." : "Start it first (Start-Container).";
            string message = $"Container '{name}' is {status}: only a running container can be entered.";
            return new CommandError("ContainerNotRunning", ErrorKind.InvalidOperation, message, name, new InvalidOperationException(message), advice);
        }

        private static string Short(string id) => id.Substring(0, Math.Min(12, id.Length));
    }
}
