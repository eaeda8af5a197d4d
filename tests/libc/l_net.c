/*
 * l_net: sockets on the XSC C library, over loopback inside the guest:
 * TCP socket, bind, listen, accept, connect, send, recv; UDP; a Unix
 * socket pair passing a descriptor; getaddrinfo through /etc/hosts.
 */
#include "check.h"
#include <arpa/inet.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/un.h>

static void lo_up(void)
{
	struct ifreq ifr = { .ifr_name = "lo" };
	int s = socket(AF_INET, SOCK_DGRAM, 0);

	CHECK(ioctl(s, SIOCGIFFLAGS, &ifr) == 0, "ioctl SIOCGIFFLAGS lo");
	ifr.ifr_flags |= IFF_UP;
	CHECK(ioctl(s, SIOCSIFFLAGS, &ifr) == 0 || errno == EPERM, "ioctl SIOCSIFFLAGS lo up");
	close(s);
}

static void *client(void *arg)
{
	struct sockaddr_in *a = arg;
	int s = socket(AF_INET, SOCK_STREAM, 0);
	char buf[16];
	long ok = 0;

	if (connect(s, (struct sockaddr *)a, sizeof(*a)) == 0 && send(s, "ping", 4, 0) == 4 &&
	    recv(s, buf, 4, MSG_WAITALL) == 4 && memcmp(buf, "pong", 4) == 0)
		ok = 1;
	close(s);
	return (void *)ok;
}

static void test_tcp(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	socklen_t len = sizeof(a);
	pthread_t t;
	void *r = NULL;
	char buf[16];
	int l, c, one = 1;

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	l = socket(AF_INET, SOCK_STREAM, 0);
	CHECK(l >= 0 && setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) == 0, "TCP socket, setsockopt");
	CHECK(bind(l, (struct sockaddr *)&a, sizeof(a)) == 0 && listen(l, 4) == 0 &&
	      getsockname(l, (struct sockaddr *)&a, &len) == 0 && a.sin_port != 0,
	      "bind 127.0.0.1, listen, getsockname (port %d)", ntohs(a.sin_port));
	pthread_create(&t, NULL, client, &a);
	c = accept(l, NULL, NULL);
	CHECK(c >= 0, "accept");
	CHECK(recv(c, buf, 4, MSG_WAITALL) == 4 && memcmp(buf, "ping", 4) == 0, "recv what the client sent");
	CHECK(send(c, "pong", 4, 0) == 4, "send");
	pthread_join(t, &r);
	CHECK(r == (void *)1, "the client thread connected, sent and received");
	close(c);
	close(l);
}

static void test_udp(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET }, from;
	socklen_t len = sizeof(a), flen = sizeof(from);
	char buf[16];
	int s = socket(AF_INET, SOCK_DGRAM, 0), s2 = socket(AF_INET, SOCK_DGRAM, 0);

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	bind(s, (struct sockaddr *)&a, sizeof(a));
	getsockname(s, (struct sockaddr *)&a, &len);
	CHECK(sendto(s2, "dgram", 5, 0, (struct sockaddr *)&a, sizeof(a)) == 5 &&
	      recvfrom(s, buf, sizeof(buf), 0, (struct sockaddr *)&from, &flen) == 5 &&
	      memcmp(buf, "dgram", 5) == 0, "UDP sendto/recvfrom over loopback");
	close(s);
	close(s2);
}

static void test_unix(void)
{
	int sv[2], fd = -1, p[2];
	char c = 0, cbuf[CMSG_SPACE(sizeof(int))];
	struct iovec iov = { &c, 1 };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = cbuf,
			    .msg_controllen = sizeof(cbuf) };
	struct cmsghdr *cm = CMSG_FIRSTHDR(&m);

	CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0 && pipe(p) == 0, "socketpair");
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cm), &p[1], sizeof(int));
	c = 'u';
	CHECK(sendmsg(sv[0], &m, 0) == 1, "sendmsg with SCM_RIGHTS");
	memset(cbuf, 0, sizeof(cbuf));
	c = 0;
	CHECK(recvmsg(sv[1], &m, 0) == 1 && c == 'u', "recvmsg");
	cm = CMSG_FIRSTHDR(&m);
	if (cm)
		memcpy(&fd, CMSG_DATA(cm), sizeof(int));
	CHECK(fd >= 0 && write(fd, "!", 1) == 1 && read(p[0], &c, 1) == 1 && c == '!',
	      "the passed descriptor writes into the pipe");
}

static void test_gai(void)
{
	struct addrinfo hints = { .ai_family = AF_INET, .ai_socktype = SOCK_STREAM }, *res = NULL;
	int rc = getaddrinfo("localhost", "80", &hints, &res);
	char ip[32] = "?";

	if (rc == 0)
		inet_ntop(AF_INET, &((struct sockaddr_in *)res->ai_addr)->sin_addr, ip, sizeof(ip));
	CHECK(rc == 0 && strcmp(ip, "127.0.0.1") == 0, "getaddrinfo(localhost) = %s (%s)", ip, gai_strerror(rc));
	if (res)
		freeaddrinfo(res);
	rc = getaddrinfo("no-such-host.invalid", NULL, &hints, &res);
	CHECK(rc != 0, "getaddrinfo of an unknown name fails (%s)", gai_strerror(rc));
}

int main(void)
{
	ck_begin("l_net");
	lo_up();
	test_tcp();
	test_udp();
	test_unix();
	test_gai();
	return ck_end();
}
