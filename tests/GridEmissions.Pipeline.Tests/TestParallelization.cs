// The scenario runs write NetCDF through libnetcdf/HDF5, which is not thread-safe: two class
// fixtures running concurrently in one process corrupt each other's file handles (seen as
// "file being used by another process" when the manifest hashes the .nc). Test classes run one
// after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
