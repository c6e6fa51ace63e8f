using Containers.Commands.Targets;
using Containers.Engine.Http;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Containers
{
    /// <summary>Invoke-ContainerCommand: docker exec without a terminal, behaving like a native command.</summary>
    public sealed class InvokeContainerCommandCommand : TargetCommand
    {
        public InvokeContainerCommandCommand(IReadOnlyList<string> command)
            : base(ContainerTargets.Kind)
        {
            if (command == null || command.Count == 0 || command.All(string.IsNullOrEmpty))
            {
                throw new InvalidParameterException("Command", null, "The command to run is empty.");
            }

            Command = command;
        }

        public IReadOnlyList<string> Command { get; }

        public string? User { get; set; }

        public string? WorkingDirectory { get; set; }

        /// <summary>KEY=VALUE entries.</summary>
        public IReadOnlyList<string>? Environment { get; set; }

        public bool Privileged { get; set; }

        /// <summary>Text sent to the process's standard input, which is then closed.</summary>
        public string? Input { get; set; }

        public bool PassThru { get; set; }

        protected override string Action => "Run '" + string.Join(" ", Command) + "'";

        protected override async Task ProcessAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken)
        {
            var request = new ExecCreateRequest
            {
                AttachStdin = Input != null,
                AttachStdout = true,
                AttachStderr = true,
                Cmd = Command.ToList(),
                Env = Environment?.ToList(),
                User = User,
                WorkingDir = WorkingDirectory,
                Privileged = Privileged,
            };
            ExecCreateResponse exec = await engine.Client.Exec.CreateAsync(target, request, cancellationToken);
            output.WriteVerbose($"Started exec {exec.Id.Substring(0, Math.Min(12, exec.Id.Length))} in container '{target}'.");

            var native = new NativeCommandOutput(output, target, PassThru, "CommandExitedWithError", $"The command '{string.Join(" ", Command)}' in container '{target}'",
                new ExecStartFailure(Command, User, WorkingDirectory));
            using (HijackedStream stream = await engine.Client.Exec.StartAttachedAsync(exec.Id, tty: false, cancellationToken))
            {
                StandardInput? input = Input != null ? StandardInput.Start(stream, Input, tty: false, cancellationToken) : null;
                await OutputLines.ReadAsync(stream, tty: false, native.OnLine, cancellationToken);
                if (input != null)
                {
                    await input.FinishAsync();
                }
            }

            native.Complete(await ExitCodeAsync(engine, exec.Id, cancellationToken));
        }

        // The output stream ends a moment before the engine records the exit code.
        private static async Task<int> ExitCodeAsync(ContainerEngine engine, string execId, CancellationToken cancellationToken)
        {
            for (int attempt = 0; ; attempt++)
            {
                ExecInspect inspect = await engine.Client.Exec.InspectAsync(execId, cancellationToken);
                if (!inspect.Running && inspect.ExitCode.HasValue)
                {
                    return inspect.ExitCode.Value;
                }

                await Task.Delay(attempt < 10 ? 10 : 100, cancellationToken);
            }
        }
    }
}
