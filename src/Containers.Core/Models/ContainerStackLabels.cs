namespace Containers.Models
{
    /// <summary>
    /// The labels and names docker stack deploy gives a stack's services, networks, secrets and configs: docker stack
    /// ls/services/ps/rm find a stack's objects by the namespace label, and so do the stack cmdlets, so each sees the
    /// other's stacks.
    /// </summary>
    public static class ContainerStackLabels
    {
        /// <summary>The stack's name, on its services (and their tasks' containers), networks, secrets and configs.</summary>
        public const string Namespace = "com.docker.stack.namespace";

        /// <summary>The image as the compose file writes it, on the service: the spec's image may carry a pinned digest.</summary>
        public const string Image = "com.docker.stack.image";

        /// <summary>What a stack calls its object named <paramref name="name"/> in the file: STACK_name (services, networks, secrets, configs).</summary>
        public static string ObjectName(string stack, string name) => stack + "_" + name;

        /// <summary>The network every service without networks of its own joins: STACK_default.</summary>
        public static string DefaultNetwork(string stack) => ObjectName(stack, "default");
    }
}
