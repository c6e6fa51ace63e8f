namespace Containers.Errors
{
    /// <summary>Why the engine refused to remove an image (its 409 answers), read from the message it sends.</summary>
    public enum ImageConflictReason
    {
        /// <summary>An image conflict of a kind not listed here.</summary>
        Other,

        /// <summary>A running container uses the image; not even force removes it.</summary>
        UsedByRunningContainer,

        /// <summary>A stopped (or created) container uses the image; force removes it.</summary>
        UsedByStoppedContainer,

        /// <summary>A container uses the image this name is the last name of; force takes the name off anyway.</summary>
        NameUsedByContainer,

        /// <summary>Removing by id an image that has several names; force removes every name and the image.</summary>
        SeveralNames,

        /// <summary>Other images are built on this one.</summary>
        ChildImages,
    }
}
