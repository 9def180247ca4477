// A worker thread that fails before it can take any work (a broken install, say).
process.exit(3);
