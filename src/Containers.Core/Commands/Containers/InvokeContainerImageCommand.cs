using Containers.Engine.Endpoints;
using Containers.Engine.Http;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Containers
{
    /// <summary>
    /// Invoke-ContainerImage: docker run. Detached, it creates, starts and returns the container. Attached, it follows
    /// docker's order (create, attach, wait for the next exit, start) so no output and no exit is missed, and behaves
    /// like a native command. A run that fails to start, or is stopped with Ctrl+C, does not leave its container behind
    /// when -Remove was asked for, and never leaves a created-but-never-started one.
    /// </summary>
    public sealed class InvokeContainerImageCommand
    {
        private static readonly TimeSpan CleanupLimit = TimeSpan.FromSeconds(30);

        private readonly NewContainerCommand _create;

        public InvokeContainerImageCommand(NewContainerCommand create)
        {
            _create = create;
        }

        public bool Detach { get; set; }

        /// <summary>Remove the container once it has exited.</summary>
        public bool Remove { get; set; }

        /// <summary>With -Detach, return the container; attached, return one result object instead of streaming.</summary>
        public bool PassThru { get; set; }

        /// <summary>Text for the process's standard input, which then ends; attached runs only.</summary>
        public string? Input { get; set; }

        public async Task ExecuteAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            ContainerCreateRequest request = _create.Request;
            if (Input != null && Detach)
            {
                throw new InvalidParameterException("InputText", Input, "-InputText needs an attached run, which reads the output as it feeds the input: leave out -Detach.");
            }

            if (Input != null)
            {
                // Like docker run -i: the input stays open until the attached client closes it.
                request.OpenStdin = request.StdinOnce = request.AttachStdin = true;
            }
            string described = (_create.Name != null ? $"container '{_create.Name}'" : "a container") + $" from image '{request.Image}'";
            if (!output.ShouldProcess(described, Detach ? "Create and start" : "Run"))
            {
                return;
            }

            if (Detach && Remove)
            {
                request.HostConfig ??= new HostConfig();
                request.HostConfig.AutoRemove = true; // nobody waits for it: the engine removes it on exit
            }

            string id = await _create.CreateAsync(engine, output, cancellationToken);
            if (Detach)
            {
                await StartOrRemoveAsync(engine, id, cancellationToken);
                ContainerInspect inspect = await engine.Client.Containers.InspectAsync(id, cancellationToken: cancellationToken);
                output.WriteObject(Container.FromInspect(inspect, engine));
                return;
            }

            await RunAttachedAsync(engine, id, request.Tty, request.OpenStdin, output, cancellationToken);
        }

        private async Task RunAttachedAsync(ContainerEngine engine, string id, bool tty, bool stdin, ICommandOutput output, CancellationToken cancellationToken)
        {
            string name = _create.Name ?? id.Substring(0, Math.Min(12, id.Length));
            var native = new NativeCommandOutput(output, name, PassThru, "ContainerExitedWithError", $"The container '{name}'");
            bool finished = false;
            try
            {
                using HijackedStream stream = await engine.Client.Containers.AttachAsync(id, new ContainerAttachParameters { Stdin = stdin }, cancellationToken);
                Task<ContainerWaitResponse> exit = await engine.Client.Containers.BeginWaitAsync(id, "next-exit", cancellationToken);
                await StartOrRemoveAsync(engine, id, cancellationToken);

                // A container created to keep its input open (-Interactive) gets end of input at once when there is none
                // to give: nothing at the console can type into it here, and a process reading it would wait forever.
                StandardInput? input = stdin ? StandardInput.Start(stream, Input, tty, cancellationToken) : null;
                await OutputLines.ReadAsync(stream, tty, native.OnLine, cancellationToken);
                if (input != null)
                {
                    await input.FinishAsync();
                }
                ContainerWaitResponse result = await exit;
                finished = true;
                if (!string.IsNullOrEmpty(result.Error?.Message))
                {
                    output.WriteWarning(result.Error!.Message!);
                }

                native.Complete((int)result.StatusCode);
            }
            finally
            {
                if (!finished)
                {
                    // Stopped part-way (Ctrl+C or a broken connection): do not leave the process running unattended.
                    await CleanUpAsync(engine, id, kill: true, remove: Remove, output);
                }
                else if (Remove)
                {
                    await CleanUpAsync(engine, id, kill: false, remove: true, output);
                }
            }
        }

        private static async Task StartOrRemoveAsync(ContainerEngine engine, string id, CancellationToken cancellationToken)
        {
            try
            {
                await engine.Client.Containers.StartAsync(id, cancellationToken);
            }
            catch
            {
                // A container that never started is of no use to anyone: take it away again.
                using var limit = new CancellationTokenSource(CleanupLimit);
                try
                {
                    await engine.Client.Containers.RemoveAsync(id, force: true, cancellationToken: limit.Token);
                }
                catch (Exception)
                {
                    // The start failure is what the user needs to see.
                }

                throw;
            }
        }

        // Runs on its own time limit: the caller's token may be the one that was cancelled.
        private static async Task CleanUpAsync(ContainerEngine engine, string id, bool kill, bool remove, ICommandOutput output)
        {
            using var limit = new CancellationTokenSource(CleanupLimit);
            try
            {
                if (remove)
                {
                    await engine.Client.Containers.RemoveAsync(id, force: true, cancellationToken: limit.Token);
                }
                else if (kill)
                {
                    await engine.Client.Containers.KillAsync(id, cancellationToken: limit.Token);
                }
            }
            catch (Exception e)
            {
                output.WriteVerbose($"Could not clean up container {id}: {e.Message}");
            }
        }
    }
}
