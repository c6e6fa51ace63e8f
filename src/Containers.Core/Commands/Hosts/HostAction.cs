namespace Containers.Commands.Hosts
{
    /// <summary>What Start-, Stop- and Restart-ContainerHost ask of a host's driver.</summary>
    public enum HostAction
    {
        Start,
        Stop,
        Restart,
    }
}
