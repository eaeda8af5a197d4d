/*
 * l_fs: the file system on the XSC C library: stat, mkdir, rename,
 * unlink, symlink, readdir, mount, umount, statfs, chmod, truncate.
 */
#include "check.h"
#include <dirent.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statfs.h>

int main(void)
{
	struct stat st;
	struct statfs sf;
	char buf[64];
	int fd, n = 0;

	ck_begin("l_fs");
	mkdir("/mnt", 0755);
	CHECK(mkdir("/mnt/t", 0755) == 0 || errno == EEXIST, "mkdir");
	CHECK(mount("tmpfs", "/mnt/t", "tmpfs", 0, "size=1m") == 0, "mount a tmpfs");
	CHECK(statfs("/mnt/t", &sf) == 0 && sf.f_type == 0x01021994, "statfs says tmpfs");
	CHECK(mkdir("/mnt/t/d", 0700) == 0 && stat("/mnt/t/d", &st) == 0 && S_ISDIR(st.st_mode) &&
	      (st.st_mode & 0777) == 0700, "mkdir and stat agree");
	errno = 0;
	CHECK(mkdir("/mnt/t/d", 0700) == -1 && errno == EEXIST, "mkdir twice: EEXIST");
	fd = open("/mnt/t/d/f", O_WRONLY | O_CREAT, 0600);
	CHECK(fd >= 0 && write(fd, "0123456789", 10) == 10 && close(fd) == 0, "create a file");
	CHECK(truncate("/mnt/t/d/f", 4) == 0 && stat("/mnt/t/d/f", &st) == 0 && st.st_size == 4, "truncate");
	CHECK(chmod("/mnt/t/d/f", 0640) == 0 && stat("/mnt/t/d/f", &st) == 0 && (st.st_mode & 0777) == 0640,
	      "chmod");
	CHECK(rename("/mnt/t/d/f", "/mnt/t/d/g") == 0 && access("/mnt/t/d/f", F_OK) == -1 &&
	      access("/mnt/t/d/g", R_OK) == 0, "rename");
	CHECK(symlink("g", "/mnt/t/d/l") == 0 && readlink("/mnt/t/d/l", buf, sizeof(buf)) == 1 &&
	      buf[0] == 'g', "symlink and readlink");
	CHECK(lstat("/mnt/t/d/l", &st) == 0 && S_ISLNK(st.st_mode), "lstat of the link");
	DIR *d = opendir("/mnt/t/d");
	struct dirent *e;
	while (d && (e = readdir(d)))
		n++;
	CHECK(d && closedir(d) == 0 && n == 4, "readdir lists . .. g l (%d entries)", n);
	CHECK(unlink("/mnt/t/d/l") == 0 && unlink("/mnt/t/d/g") == 0, "unlink");
	errno = 0;
	CHECK(rmdir("/mnt/t") == -1 && errno == EBUSY, "rmdir of a mount point: EBUSY");
	CHECK(rmdir("/mnt/t/d") == 0, "rmdir");
	CHECK(umount("/mnt/t") == 0, "umount");
	CHECK(getcwd(buf, sizeof(buf)) && chdir("/mnt") == 0 && getcwd(buf, sizeof(buf)) &&
	      strcmp(buf, "/mnt") == 0, "chdir and getcwd");
	return ck_end();
}
